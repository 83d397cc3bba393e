/**
 * XLSX-only layout numbers (XLSX-PRINT, APX-TABLE), as data. Page, margin and font sizes come from the
 * profile (src/layout/profiles.ts); these are the spreadsheet-specific ones.
 */
export type Horizontal = "left" | "center";

/**
 * Column widths are in character units: the max digit width of the workbook's Normal font at 96 dpi.
 * The Normal font is Times New Roman 12 (setNormalFont): 16 px em, every digit 0.5 em = 8 px.
 */
export const MAX_DIGIT_WIDTH_PX = 8;
export const PX_PER_PT = 96 / 72;
/**
 * exceljs leaves a column exactly 9 units wide out of <cols> (its "default" width), so the sheet declares
 * 9 as its default column width and such a column keeps its size.
 */
export const EXCELJS_DEFAULT_COLUMN_WIDTH_CHARS = 9;
/** Excel leaves a few pixels inside each cell edge before it wraps; counted on both sides together. */
export const CELL_PADDING_PX = 6;
/**
 * Wrapped lines are counted at 95 % of the measured text width: Excel on Windows renders hinted glyphs,
 * which can come out a little wider than the Tinos outlines say. A spare line is better than cut-off text.
 */
export const WRAP_WIDTH_SAFETY = 0.95;
/** Excel's row pitch for Times New Roman: 15.75 pt per 12 pt line (its default row height for that font). */
export const LINE_PITCH_PER_PT = 1.3125;
/** Space above the text inside a row, and again below it. */
export const ROW_PADDING_PT = 2;
/** An empty spacer row of the title block. */
export const SPACER_ROW_PT = 8;

/** Tracking sheet: "due" keeps the 11 units that "31/12/2013" needs in Times New Roman 12, or Excel shows ### instead of the date. */
export const DUE_MIN_CHARS = 11;

/** Summary sheet ("Tổng hợp"): absolute widths in character units; a short table need not fill the page. */
export const SUMMARY_WIDTHS_CHARS = { agency: 48, lead: 16, support: 16, earliest: 16 } as const;

/** Real dates beside the wording (XLSX-PRINT). */
export const DATE_NUM_FMT = "dd/mm/yyyy";
