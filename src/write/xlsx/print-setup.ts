/**
 * XLSX-PRINT on every sheet: A4 landscape, one page wide, margins and page number from the profile,
 * frozen header, header row repeated on print, print area.
 */
import type { AddWorksheetOptions, HeaderFooter, Worksheet } from "exceljs";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { MM_PER_INCH } from "../../layout/units.ts";
import { linePitchPt } from "./row-height.ts";
import { EXCELJS_DEFAULT_COLUMN_WIDTH_CHARS } from "./sheet-layout.ts";

/** OOXML paperSize 9 = A4. */
const PAPER_A4 = 9;

/** Page numbers (PAGE-NUM): ND30 top centre, TT01 bottom right; never on page 1 (differentFirst, empty first header). */
function pageNumbers(layout: ProfileLayout): Partial<HeaderFooter> {
  const { family } = layout.font;
  const field = `&"${family},Regular"&${layout.pageNumber.sizePt}&P`;
  switch (layout.pageNumber.position) {
    case "top-center":
      return { differentFirst: true, oddHeader: `&C${field}` };
    case "bottom-right":
      return { differentFirst: true, oddFooter: `&R${field}` };
  }
}

/**
 * Options given when the sheet is created: exceljs's streaming writer writes the sheet properties (fit to
 * page, default sizes) and the views (frozen panes) before the first row, so they cannot be set later.
 */
export function sheetOptions(layout: ProfileLayout, frozenRows: number): Partial<AddWorksheetOptions> {
  const inches = (mm: number) => mm / MM_PER_INCH;
  const { marginMm, headerMm, footerMm } = layout.page;
  return {
    // Rows a user adds get one line of the Normal font (setNormalFont).
    properties: { defaultRowHeight: linePitchPt(layout.appendix.tableSizePt), defaultColWidth: EXCELJS_DEFAULT_COLUMN_WIDTH_CHARS },
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: "landscape",
      // fitToHeight 0 = as many pages tall as needed.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // PAGE-NUM-APPENDIX: each sheet numbers its own pages from 1, even when the whole workbook is printed.
      firstPageNumber: 1,
      margins: {
        left: inches(marginMm.left),
        right: inches(marginMm.right),
        top: inches(marginMm.top),
        bottom: inches(marginMm.bottom),
        header: inches(headerMm),
        footer: inches(footerMm),
      },
      horizontalCentered: true,
    },
    headerFooter: pageNumbers(layout),
    views: [{ state: "frozen", xSplit: 0, ySplit: frozenRows, topLeftCell: `A${frozenRows + 1}`, activeCell: `A${frozenRows + 1}` }],
  };
}

/** Excel's column letters for a 1-based index. */
export function columnLetter(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

interface TableExtent {
  /** the column-header row: repeated on every printed page, top of the filter */
  headerRow: number;
  lastRow: number;
  lastColumn: number;
}

/** Print titles, print area and autofilter, once the last row is known. */
export function setTableRanges(ws: Worksheet, extent: TableExtent): void {
  const last = columnLetter(extent.lastColumn);
  ws.pageSetup.printTitlesRow = `${extent.headerRow}:${extent.headerRow}`;
  // exceljs prefixes '$' to each end of the range it is given ("A1" → "$A1"); giving "A$1" yields the
  // fully absolute $A$1 that a _xlnm.Print_Area name needs.
  ws.pageSetup.printArea = `A$1:${last}$${extent.lastRow}`;
  ws.autoFilter = `A${extent.headerRow}:${last}${extent.lastRow}`;
}
