/** Page rules (spec §1): PAGE-SIZE, PAGE-ORIENT, PAGE-MARGIN, for every section. */
import { mmToTwips } from "../../layout/units.ts";
import type { Section } from "../../read/docx/ooxml/document.ts";
import { formatRange, inRange, judge, type Finding, type LayoutRule, type RuleContext } from "./outcome.ts";

const SIDES = ["top", "bottom", "left", "right"] as const;

const size = (s: Section) => `${s.page.widthTwips ?? "?"} × ${s.page.heightTwips ?? "?"} tw`;
const isLandscape = (s: Section) => (s.page.widthTwips ?? 0) > (s.page.heightTwips ?? 0);

/** PAGE-SIZE: A4 (11906 × 16838 twips) in either orientation. */
const pageSize: LayoutRule = {
  id: "PAGE-SIZE",
  check(ctx) {
    const { widthMm, heightMm, sizeToleranceTwips } = ctx.layout.page;
    const [short, long] = [mmToTwips(widthMm), mmToTwips(heightMm)];
    const findings = ctx.doc.sections.map((s): Finding => {
      const [w, h] = [s.page.widthTwips ?? NaN, s.page.heightTwips ?? NaN].sort((a, b) => a - b);
      const ok = Math.abs(w! - short) <= sizeToleranceTwips && Math.abs(h! - long) <= sizeToleranceTwips;
      return ok ? { measured: size(s), where: { section: s.index } } : { measured: size(s), where: { section: s.index }, problem: `section ${s.index} is ${size(s)}, not A4` };
    });
    return judge(findings, `${short} × ${long} tw (A4, ±${sizeToleranceTwips} tw)`, "every section is A4");
  },
};

/** Which orientation a section must have: the main text portrait; a wide appendix table landscape (practice). */
function expectedOrientation(ctx: RuleContext, section: Section): "portrait" | "landscape" | "either" {
  if (section === ctx.parts.mainSection) return "portrait";
  const appendix = ctx.parts.appendices.find((a) => a.section === section);
  const columns = appendix?.table?.gridTwips.length ?? 0;
  if (appendix) return columns >= ctx.layout.appendix.landscapeFromColumns ? ctx.layout.appendix.orientation : "either";
  // PAGE-ORIENT: landscape only for text with wide tables
  return section.blocks.some((b) => b.kind === "table") ? "either" : "portrait";
}

/** PAGE-ORIENT: the page as read matches the orientation, and `w:orient` says so (Word prints by it). */
const pageOrient: LayoutRule = {
  id: "PAGE-ORIENT",
  check(ctx) {
    const findings = ctx.doc.sections.map((s): Finding => {
      const actual = isLandscape(s) ? "landscape" : "portrait";
      const declared = s.page.orientation ?? "portrait";
      const expected = expectedOrientation(ctx, s);
      const finding: Finding = { measured: `§${s.index} ${actual} (${size(s)}, orient="${declared}")`, where: { section: s.index } };
      if (expected !== "either" && actual !== expected) finding.problem = `section ${s.index} is ${actual}, expected ${expected}`;
      else if (declared !== actual) finding.problem = `section ${s.index} is ${actual} by its size but declares orient="${declared}"`;
      return finding;
    });
    return judge(findings, `main text portrait; appendix with ≥ ${ctx.layout.appendix.landscapeFromColumns} columns ${ctx.layout.appendix.orientation}`, "orientation as expected in every section");
  },
};

/** PAGE-MARGIN: each side within its range, landscape sections as read; the gutter counts on the left. */
const pageMargin: LayoutRule = {
  id: "PAGE-MARGIN",
  check(ctx) {
    const ranges = ctx.layout.page.marginRangeMm;
    const twipsRange = (side: (typeof SIDES)[number]) => ({ min: mmToTwips(ranges[side].min), max: mmToTwips(ranges[side].max) });
    const findings = ctx.doc.sections.map((s): Finding => {
      const values = {
        top: Math.abs(s.margins.top ?? NaN),
        bottom: Math.abs(s.margins.bottom ?? NaN),
        left: (s.margins.left ?? NaN) + s.margins.gutter,
        right: s.margins.right ?? NaN,
      };
      const measured = `§${s.index} ${SIDES.map((side) => `${side} ${values[side]}`).join(", ")} tw`;
      const wrong = SIDES.filter((side) => !inRange(values[side], twipsRange(side)));
      const finding: Finding = { measured, where: { section: s.index } };
      if (wrong.length > 0) finding.problem = `section ${s.index}: ${wrong.map((side) => `${side} ${values[side]} tw outside ${formatRange(twipsRange(side), "tw")}`).join("; ")}`;
      return finding;
    });
    return judge(findings, SIDES.map((side) => `${side} ${formatRange(twipsRange(side), "tw")}`).join(", "), "every margin within its range");
  },
};

export const PAGE_RULES: readonly LayoutRule[] = [pageSize, pageOrient, pageMargin];
