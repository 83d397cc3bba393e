/**
 * Solid lines (HDR-ISSUER-LINE, HDR-TN-LINE, TITLE-LINE, APX-REF): the bottom border of an empty
 * paragraph, centred by equal left and right indents computed from the box the paragraph sits in.
 * Pure WordprocessingML: no drawing objects, no ids, deterministic (proto §2, variant A).
 */
import { BorderStyle, LineRuleType, Paragraph } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToTwips } from "../../layout/units.ts";

/** Height of the empty paragraph (5 pt): a clear gap under the descenders; 3 pt touched the Q of QUẢNG in LibreOffice. */
const LINE_PARAGRAPH_HEIGHT_TWIPS = 100;
/** 0.75 pt, in eighths of a point */
const LINE_WEIGHT_EIGHTH_PT = 6;

/** Indents that centre a line of `lineTwips` in a box `boxTwips` wide; they add up to exactly box − line. */
function centringIndentsTwips(boxTwips: number, lineTwips: number): { left: number; right: number } {
  const free = Math.max(0, boxTwips - lineTwips);
  const left = Math.floor(free / 2);
  return { left, right: free - left };
}

/** A centred line `linePt` long inside a box `boxTwips` wide (a table cell's inner width or the text width). */
export function lineParagraph(font: ProfileLayout["font"], boxTwips: number, linePt: number, afterTwips = 0): Paragraph {
  return new Paragraph({
    indent: centringIndentsTwips(boxTwips, ptToTwips(linePt)),
    spacing: { before: 0, after: afterTwips, line: LINE_PARAGRAPH_HEIGHT_TWIPS, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: LINE_WEIGHT_EIGHTH_PT, color: font.color, space: 0 } },
  });
}
