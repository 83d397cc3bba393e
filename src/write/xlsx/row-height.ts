/**
 * Row heights for wrapped text. Neither exceljs nor LibreOffice grows a wrapped row by itself (LibreOffice 7.4
 * printed overlapping text), and Excel never auto-fits merged cells, so every row gets an explicit height
 * from the Times New Roman line count of its tallest cell.
 */
import type { TextMeasurer } from "../../layout/measure.ts";
import { columnTextWidthPt } from "./column-width.ts";
import { LINE_PITCH_PER_PT, ROW_PADDING_PT, WRAP_WIDTH_SAFETY } from "./sheet-layout.ts";

export interface MeasuredCell {
  text: string;
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  /** width of the column, or of all columns the cell is merged across, in character units */
  widthChars: number;
}

/** Height in points of one line of text at `sizePt`. */
export const linePitchPt = (sizePt: number): number => sizePt * LINE_PITCH_PER_PT;

export class RowHeightMeter {
  /** Line counts by text and box: the tracking sheet repeats each task's text once per agency. */
  private readonly lineCache = new Map<string, number>();

  constructor(private readonly measurer: TextMeasurer) {}

  lines(cell: MeasuredCell): number {
    if (cell.text === "") return 1;
    const key = `${cell.sizePt}|${cell.bold ? 1 : 0}${cell.italic ? 1 : 0}|${cell.widthChars}|${cell.text}`;
    let lines = this.lineCache.get(key);
    if (lines === undefined) {
      const widthPt = columnTextWidthPt(cell.widthChars) * WRAP_WIDTH_SAFETY;
      lines = this.measurer.lineCount(cell.text, cell.sizePt, widthPt, { bold: cell.bold ?? false, italic: cell.italic ?? false });
      this.lineCache.set(key, lines);
    }
    return lines;
  }

  /** The row's height: its tallest cell, rounded up to a quarter point. */
  heightPt(cells: readonly MeasuredCell[]): number {
    const tallest = Math.max(...cells.map((c) => this.lines(c) * linePitchPt(c.sizePt)));
    return Math.ceil((tallest + 2 * ROW_PADDING_PT) * 4) / 4;
  }
}
