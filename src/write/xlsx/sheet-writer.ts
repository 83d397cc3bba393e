/**
 * Writes a sheet top to bottom, one finished row at a time: values, shared styles, merges and the computed
 * height, then `commit()` so that exceljs's streaming writer can flush the row and forget it.
 */
import type { Worksheet } from "exceljs";
import type { CellLook, StylePalette } from "./cell-style.ts";
import type { MeasuredCell, RowHeightMeter } from "./row-height.ts";

/** Shared by every sheet of one workbook. */
export interface SheetTools {
  palette: StylePalette;
  meter: RowHeightMeter;
}

export type CellValue = string | number | Date | undefined;

export interface CellSpec {
  value: CellValue;
  look: CellLook;
  /** columns the cell covers, merged (default 1) */
  span?: number;
}

export class SheetWriter {
  private nextRow = 1;

  constructor(
    private readonly ws: Worksheet,
    private readonly widthsChars: readonly number[],
    private readonly palette: StylePalette,
    private readonly meter: RowHeightMeter,
  ) {
    ws.columns = widthsChars.map((width) => ({ width }));
  }

  /** The last row written (0 before the first). */
  get lastRow(): number {
    return this.nextRow - 1;
  }

  /** Width in character units of `span` columns starting at 1-based `column`. */
  private spanWidthChars(column: number, span: number): number {
    return this.widthsChars.slice(column - 1, column - 1 + span).reduce((a, b) => a + b, 0);
  }

  /** Writes the next row from its cells, left to right from column A; returns its number. */
  row(cells: readonly CellSpec[]): number {
    const number = this.nextRow++;
    const row = this.ws.getRow(number);
    const measured: MeasuredCell[] = [];
    let column = 1;
    for (const spec of cells) {
      const span = spec.span ?? 1;
      const value = typeof spec.value === "string" ? spec.value.normalize("NFC") : spec.value;
      const cell = row.getCell(column);
      // An empty string is written as an empty (but bordered) cell: an empty STT stays empty.
      cell.value = value === "" || value === undefined ? null : value;
      cell.style = this.palette.get(spec.look);
      // Merged after the master is styled: exceljs copies the master's style (borders) to the covered cells.
      if (span > 1) this.ws.mergeCells(number, column, number, column + span - 1);
      measured.push({
        text: typeof value === "string" ? value : "",
        sizePt: spec.look.sizePt,
        bold: spec.look.bold ?? false,
        italic: spec.look.italic ?? false,
        widthChars: this.spanWidthChars(column, span),
      });
      column += span;
    }
    row.height = this.meter.heightPt(measured);
    row.commit();
    return number;
  }

  /** An empty row `heightPt` high (spacing in the title block). */
  spacer(heightPt: number): number {
    const number = this.nextRow++;
    const row = this.ws.getRow(number);
    row.height = heightPt;
    row.commit();
    return number;
  }
}
