/**
 * Preamble and running text (spec §4): BODY-AUTHORITY, BODY-BASIS, BODY-DECIDES, BODY-PARA.
 * BODY-PARA: justified, 13–14 pt, first-line indent 567 or 720 twips, ≥ 6 pt between paragraphs,
 * line spacing auto 240–360 (TT01 also exact ≥ 15 pt); `lineRule="exactly"` is not a schema value.
 */
import { ptToTwips } from "../../layout/units.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { linesOf, normalise } from "../parts/text.ts";
import { alignmentName, describeExpected, lookFinding, lookProblems, type Look } from "./look.ts";
import { failed, formatRange, inRange, judge, notEvaluated, whereOf, withWarnings, type Finding, type LayoutRule, type RuleContext } from "./outcome.ts";

const DECISION_ONLY = "only a Quyết định has this line";
const headingLook: Look = { caps: true, bold: true, alignment: "center" };

function decisionHeading(id: "BODY-AUTHORITY" | "BODY-DECIDES", pick: (ctx: RuleContext) => Paragraph | undefined, name: string): LayoutRule {
  return {
    id,
    check(ctx) {
      const expected = describeExpected(headingLook);
      if (ctx.parts.kind !== "decision") return notEvaluated(DECISION_ONLY, expected);
      const p = pick(ctx);
      if (!p) return failed(`no ${name}`, expected);
      return judge([lookFinding(ctx, linesOf(p)[0]!, headingLook, name)], expected, `"${normalise(p.text)}" as expected`);
    },
  };
}

const basis: LayoutRule = {
  id: "BODY-BASIS",
  check(ctx) {
    const look: Look = { italic: true, sizeRangePt: ctx.layout.body.sizeRangePt };
    const expected = `one căn cứ per paragraph, ${describeExpected(look)}, each ending ";", the last "."`;
    const { bases, kind } = ctx.parts;
    if (bases.length === 0) return kind === "decision" ? failed('no căn cứ ("Căn cứ …") before "QUYẾT ĐỊNH:"', expected) : notEvaluated("no căn cứ in this document", expected);
    const findings = bases.map((p) => {
      const lines = linesOf(p);
      const finding = lookFinding(ctx, { paragraph: p, text: normalise(p.text), runs: lines.flatMap((l) => l.runs) }, look, "căn cứ");
      if (lines.length > 1 || /;\s*Căn cứ\s/u.test(p.text)) finding.problem = [finding.problem, `căn cứ "${normalise(p.text).slice(0, 40)}…" holds more than one line`].filter(Boolean).join("; ");
      return finding;
    });
    // punctuation is the official wording, kept as written: noted, not failed
    const warnings = bases.flatMap((p, i) => {
      const want = i === bases.length - 1 ? "." : ";";
      const text = normalise(p.text);
      return text.endsWith(want) ? [] : [`căn cứ ${i + 1} ends with "${text.slice(-1)}", the rule expects "${want}"`];
    });
    return withWarnings(judge(findings, expected, `${bases.length} căn cứ, italic, in range`), warnings);
  },
};

/** Line spacing problem of a paragraph, if any. */
function lineSpacingProblem(ctx: RuleContext, p: Paragraph): string | undefined {
  const { line, lineRule } = p.format;
  const { lineAutoRange, exactLineMinPt } = ctx.layout.body;
  if (lineRule === "auto") return inRange(line, lineAutoRange) ? undefined : `line spacing auto ${line} outside ${lineAutoRange.min}–${lineAutoRange.max}`;
  if (lineRule === "exact" && exactLineMinPt !== null) return line >= ptToTwips(exactLineMinPt) ? undefined : `line spacing exactly ${line / 20} pt, below ${exactLineMinPt} pt`;
  if (lineRule === "exact" || lineRule === "atLeast") return `line spacing ${lineRule} ${line / 20} pt; the profile allows auto ${lineAutoRange.min}–${lineAutoRange.max}${exactLineMinPt !== null ? ` or exactly ≥ ${exactLineMinPt} pt` : ""}`;
  return `invalid lineRule="${lineRule}" (not a schema value: Word ignores it)`;
}

/** Space between two paragraphs that follow each other: after + before, unless contextual spacing removes it. */
function gapTwips(prev: Paragraph, next: Paragraph): number {
  const sameStyle = prev.styleId === next.styleId;
  const after = prev.format.contextualSpacing && sameStyle ? 0 : prev.format.spaceAfterTwips;
  const before = next.format.contextualSpacing && sameStyle ? 0 : next.format.spaceBeforeTwips;
  return after + before;
}

const paragraphs: LayoutRule = {
  id: "BODY-PARA",
  check(ctx) {
    const { body } = ctx.layout;
    const look: Look = { sizeRangePt: body.sizeRangePt, alignment: "both" };
    const lineRange = `${formatRange(body.lineAutoRange, "")}`.trim();
    const expected = `${describeExpected(look)}, first line ${body.firstLineIndentTwipsAllowed.join(" or ")} tw, ≥ ${body.minSpaceBetweenPt} pt between, line spacing auto ${lineRange}${body.exactLineMinPt !== null ? ` or exactly ≥ ${body.exactLineMinPt} pt` : ""}`;
    const list = ctx.parts.bodyParagraphs;
    if (list.length === 0) return notEvaluated("no body paragraphs found", expected);
    const minGap = ptToTwips(body.minSpaceBetweenPt);
    const findings = list.map((p, i): Finding => {
      const f = p.format;
      const line = { paragraph: p, text: normalise(p.text), runs: linesOf(p).flatMap((l) => l.runs) };
      const problems = lookProblems(line, look);
      if (!body.firstLineIndentTwipsAllowed.includes(f.firstLineTwips)) problems.push(`first-line indent ${f.firstLineTwips} tw`);
      const spacing = lineSpacingProblem(ctx, p);
      if (spacing) problems.push(spacing);
      const next = list[i + 1];
      // only paragraphs that follow each other directly: an empty paragraph between leaves a blank line
      const gap = next && next.index === p.index + 1 ? gapTwips(p, next) : undefined;
      if (gap !== undefined && gap < minGap) problems.push(`${gap / 20} pt to the next paragraph, below ${body.minSpaceBetweenPt} pt`);
      const measured = `${alignmentName(f.alignment)}, first line ${f.firstLineTwips} tw, ${f.lineRule} ${f.line}, ${gap !== undefined ? `${gap / 20} pt to the next` : "last"}`;
      const finding: Finding = { measured, where: whereOf(ctx, p) };
      if (problems.length > 0) finding.problem = `paragraph "${normalise(p.text).slice(0, 40)}": ${problems.join("; ")}`;
      return finding;
    });
    return judge(findings, expected, `${list.length} body paragraphs as expected`);
  },
};

export const BODY_RULES: readonly LayoutRule[] = [
  decisionHeading("BODY-AUTHORITY", (ctx) => ctx.parts.authority, "authority line before the căn cứ"),
  basis,
  decisionHeading("BODY-DECIDES", (ctx) => ctx.parts.decides, '"QUYẾT ĐỊNH:" line'),
  paragraphs,
];
