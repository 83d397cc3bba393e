/**
 * Header grid rules (spec §2): HDR-QH, HDR-TN, HDR-TN-LINE, HDR-PARENT, HDR-ISSUER, HDR-ISSUER-LINE.
 * The Quốc hiệu and the Tiêu ngữ must each fit on one line of their cell (in a tab-aligned header: of the
 * line, from where their column starts), measured with Times New Roman metrics as Word sets them (no
 * kerning).
 */
import { MOTTO } from "../../model/national-motto.ts";
import { ptToTwips, twipsToPt } from "../../layout/units.ts";
import { textWidthPt, wrappedWidthsPt, type DrawnLine } from "../geometry.ts";
import type { HeaderGridPart, PartLine } from "../parts/document-parts.ts";
import { linesOf, NATIONAL_NAME_PATTERN, normalise, type TextLine } from "../parts/text.ts";
import { checkLine } from "./lines.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { failed, judge, notEvaluated, pt, type Finding, type LayoutRule, type Outcome, type RuleContext } from "./outcome.ts";

const NO_GRID = "no header (no Quốc hiệu at the top of the document)";

/** A grid rule that needs the grid. */
function withGrid(ctx: RuleContext, expected: string, check: (grid: HeaderGridPart) => Outcome): Outcome {
  return ctx.parts.header ? check(ctx.parts.header) : notEvaluated(NO_GRID, expected);
}

/**
 * Look + exact text + one line of its cell, for the Quốc hiệu and the Tiêu ngữ: the line as found (one
 * line of a paragraph that may hold both), or a whole paragraph that breaks it into several lines.
 */
function oneLineFinding(ctx: RuleContext, line: PartLine, look: Look, label: string, textOk: (text: string) => boolean): Finding {
  const p = line.paragraph;
  const lines = linesOf(p).filter((l) => line.runs.some((r) => l.runs.some((lr) => lr.text === r.text)));
  const finding = lookFinding(ctx, line, look, label);
  const widthPt = textWidthPt(line, ctx.measurer);
  const boxPt = twipsToPt(line.boxTwips);
  finding.measured = `${finding.measured}; ${pt(widthPt)} wide in a ${pt(boxPt)} ${line.column ? "column" : "cell"}`;
  const problems = finding.problem ? [finding.problem] : [];
  if (!textOk(line.text)) problems.push(`${label} reads "${line.text}"`);
  if (lines.length > 1) problems.push(`${label} is broken into ${lines.length} lines`);
  else if (widthPt > boxPt) problems.push(`${label} (${pt(widthPt)}) does not fit one line of its cell (${pt(boxPt)}): it wraps`);
  if (problems.length > 0) finding.problem = problems.join("; ");
  return finding;
}

const nationalName: LayoutRule = {
  id: "HDR-QH",
  check(ctx) {
    const look: Look = { caps: true, bold: true, sizeRangePt: ctx.layout.header.sizeRangePt.nationalName, alignment: "center" };
    const expected = `${describeExpected(look)}, one line of its cell`;
    const grid = ctx.parts.header;
    if (!grid) {
      const anywhere = ctx.doc.paragraphs.find((p) => NATIONAL_NAME_PATTERN.test(normalise(p.text)));
      return anywhere ? notEvaluated("the Quốc hiệu is not in the document's header", expected) : failed("no Quốc hiệu in the document", expected);
    }
    const finding = oneLineFinding(ctx, grid.nationalName, look, "the Quốc hiệu", (t) => NATIONAL_NAME_PATTERN.test(t));
    return judge([finding], expected, "caps, bold, in range, on one line");
  },
};

const motto: LayoutRule = {
  id: "HDR-TN",
  check(ctx) {
    const look: Look = { bold: true, sizeRangePt: ctx.layout.header.sizeRangePt.motto, alignment: "center" };
    const expected = `"${MOTTO}", ${describeExpected(look)}, under the Quốc hiệu, one line`;
    return withGrid(ctx, expected, (grid) => {
      if (!grid.motto) return failed("no Tiêu ngữ in the Quốc hiệu's cell", expected);
      const finding = oneLineFinding(ctx, grid.motto, look, "the Tiêu ngữ", (t) => t === MOTTO);
      const mottoFirst = grid.motto.paragraph.index < grid.nationalName.paragraph.index || (grid.motto.paragraph === grid.nationalName.paragraph && linesOf(grid.motto.paragraph).findIndex((l) => l.text === grid.motto!.text) < linesOf(grid.nationalName.paragraph).findIndex((l) => l.text === grid.nationalName.text));
      if (mottoFirst) finding.problem = [finding.problem, "the Tiêu ngữ is above the Quốc hiệu"].filter(Boolean).join("; ");
      return judge([finding], expected, "exact wording, bold, in range, on one line");
    });
  },
};

const mottoLine: LayoutRule = {
  id: "HDR-TN-LINE",
  check(ctx) {
    const tolerance = ctx.layout.header.mottoLineTolerance;
    const label = `100 % ± ${tolerance * 100} %`;
    return withGrid(ctx, `line as long as the Tiêu ngữ (${label})`, (grid) => {
      if (!grid.motto) return notEvaluated("no Tiêu ngữ to measure the line against");
      const widthPt = textWidthPt(grid.motto, ctx.measurer);
      return checkLine(ctx, grid.mottoLine ?? underlineOf(grid.motto, widthPt), { under: "the Tiêu ngữ", textWidthPt: widthPt, shareRange: { min: 1 - tolerance, max: 1 + tolerance }, shareLabel: label });
    });
  },
};

/** The Tiêu ngữ underlined whole, as Word users draw its line: a solid line exactly as long as the text. */
function underlineOf(line: TextLine, widthPt: number): DrawnLine | undefined {
  const drawn = line.runs.filter((r) => r.text.trim() !== "");
  if (drawn.length === 0 || !drawn.every((r) => r.format.underline)) return undefined;
  return { kind: "underline", lengthTwips: ptToTwips(widthPt), solid: true, centred: (line.alignment ?? line.paragraph.format.alignment) === "center", paragraph: line.paragraph };
}

function agencyRule(id: "HDR-PARENT" | "HDR-ISSUER", lines: (g: HeaderGridPart) => TextLine[], bold: boolean, name: string): LayoutRule {
  return {
    id,
    check(ctx) {
      const look: Look = { caps: true, bold, sizeRangePt: ctx.layout.header.sizeRangePt.issuer, alignment: "center" };
      const expected = describeExpected(look);
      return withGrid(ctx, expected, (grid) => {
        const found = lines(grid);
        if (found.length === 0) return id === "HDR-PARENT" ? notEvaluated("no parent body above the issuer", expected) : failed("no issuer lines beside the Quốc hiệu", expected);
        return judge(found.map((l) => lookFinding(ctx, l, look, name)), expected, `${found.length} line(s) as expected`);
      });
    },
  };
}

const issuerLine: LayoutRule = {
  id: "HDR-ISSUER-LINE",
  check(ctx) {
    const range = ctx.layout.header.shortLineShareRange;
    return withGrid(ctx, "line 1/3–1/2 of the issuer's width, centred", (grid) => {
      if (grid.issuer.length === 0) return notEvaluated("no issuer lines to measure the line against");
      const widest = Math.max(...grid.issuer.flatMap((l) => wrappedWidthsPt(l, twipsToPt(l.boxTwips), ctx.measurer)));
      return checkLine(ctx, grid.issuerLine, { under: "the issuer", textWidthPt: widest, shareRange: range, shareLabel: "1/3–1/2" });
    });
  },
};

export const HEADER_RULES: readonly LayoutRule[] = [
  nationalName,
  motto,
  mottoLine,
  agencyRule("HDR-PARENT", (g) => g.parent, false, "parent body line"),
  agencyRule("HDR-ISSUER", (g) => g.issuer, true, "issuer line"),
  issuerLine,
];
