/**
 * Document-wide DOCX styling: the document defaults (FONT) and the vertical gaps the rules leave open.
 * Sizes, indents and spacing the rules fix come from the profile (`layout/profiles.ts`).
 */
import { LineRuleType, type IStylesOptions } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToHalfPt, ptToTwips } from "../../layout/units.ts";

/** Word's single line spacing in `w:line` units (240 = 1 line). */
const SINGLE_LINE_240 = 240;

/**
 * Gaps between the parts of the first page, in points. Not fixed by ND30/TT01; taken from the ND30
 * Phụ lục III templates (practice): up to about one blank line between the blocks.
 */
export const GAP_PT = {
  /** between the header grid's lines and the "Số:" / date row */
  beforeNumberRow: 6,
  /** blank line between the header grid and "QUYẾT ĐỊNH" */
  beforeTitle: 18,
  /** between the TITLE-LINE and the authority line */
  beforeAuthority: 12,
  /** around "QUYẾT ĐỊNH:" (BODY-DECIDES) */
  aroundDecides: 6,
  /** between the last article and the signature / Nơi nhận row */
  beforeClosing: 6,
  /** between the appendix reference line (APX-REF) and the table */
  beforeAppendixTable: 12,
  /** padding above and below the text of an appendix table cell */
  appendixCellPadding: 2,
} as const;

/**
 * The paragraph style of the appendix table's cells. Their runs name no font, size or colour of their own: the
 * style does (FONT), so a 10,000-task table is not 60,000 copies of the same run properties (the docx library
 * builds an object per property: direct formatting doubled the time and the memory of large appendices).
 */
export const APPENDIX_CELL_STYLE = { id: "VanbanAppendixCell", name: "Vanban Appendix Cell" } as const;

/** FONT: Times New Roman, black, body size, single spacing, nothing before or after unless a part says so. */
export function documentStyles(layout: ProfileLayout): IStylesOptions {
  const font = { font: layout.font.family, color: layout.font.color };
  return {
    default: {
      document: {
        run: { ...font, size: ptToHalfPt(layout.body.sizePt), language: { value: "vi-VN" } },
        paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE_240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      { ...APPENDIX_CELL_STYLE, basedOn: "Normal", quickFormat: true, run: { ...font, size: ptToHalfPt(layout.appendix.tableSizePt) } },
    ],
  };
}

/** BODY-PARA: justified, first-line indent, ≥ 6 pt after, line spacing auto within 240–360. */
export function bodySpacing(layout: ProfileLayout) {
  return { before: 0, after: ptToTwips(layout.body.spaceAfterPt), line: layout.body.lineAuto240, lineRule: LineRuleType.AUTO };
}
