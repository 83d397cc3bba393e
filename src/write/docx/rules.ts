/**
 * A solid line under a text (HDR-ISSUER-LINE, HDR-TN-LINE, TITLE-LINE) as Word draws it: an empty paragraph
 * whose exact height is the gap above the line, with a bottom border, indented so the border is as long as
 * the plan says and centred in its box.
 */
import { BorderStyle, LineRuleType, Paragraph } from "docx";
import { ptToTwips } from "../../layout/units.ts";
import type { RuleLine } from "../../plan/nodes.ts";
import { EIGHTHS_PER_PT, type DocxFont } from "./runs.ts";

/** Indents that centre a line of `lineTwips` in a box `boxTwips` wide; they add up to exactly box − line. */
function centringIndentsTwips(boxTwips: number, lineTwips: number): { left: number; right: number } {
  const free = Math.max(0, boxTwips - lineTwips);
  const left = Math.floor(free / 2);
  return { left, right: free - left };
}

export function ruleParagraph(font: DocxFont, rule: RuleLine, boxTwips: number, spaceAfterTwips = 0): Paragraph {
  return new Paragraph({
    indent: centringIndentsTwips(boxTwips, ptToTwips(rule.lengthPt)),
    spacing: { before: 0, after: spaceAfterTwips, line: ptToTwips(rule.gapAbovePt), lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: Math.round(rule.strokePt * EIGHTHS_PER_PT), color: font.colour, space: 0 } },
  });
}
