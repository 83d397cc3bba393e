/** Cell looks: Times New Roman everywhere (FONT), wrapped text (XLSX-PRINT), thin borders inside tables. */
import type { Font, Style, Workbook } from "exceljs";
import type { Horizontal } from "./sheet-layout.ts";

export interface CellLook {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  horizontal: Horizontal;
  /** thin border on all four sides: table cells */
  border?: boolean;
  numFmt?: string;
}

const THIN = { style: "thin", color: { argb: "FF000000" } } as const;

/**
 * One style object per distinct look. exceljs's streaming writer recognises a style it has seen by object
 * identity, so sharing the objects saves serialising the style of every cell. Never mutate a returned style.
 */
export class StylePalette {
  private readonly styles = new Map<string, Partial<Style>>();
  /** A look object passed again (a column's look, row after row) skips building its key. */
  private readonly byLook = new WeakMap<CellLook, Partial<Style>>();

  constructor(private readonly fontName: string) {}

  get(look: CellLook): Partial<Style> {
    const known = this.byLook.get(look);
    if (known) return known;
    const key = JSON.stringify(look);
    let style = this.styles.get(key);
    if (!style) {
      style = {
        font: { name: this.fontName, size: look.sizePt, bold: look.bold ?? false, italic: look.italic ?? false, color: { argb: "FF000000" } },
        alignment: { horizontal: look.horizontal, vertical: "middle", wrapText: true },
      };
      if (look.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (look.numFmt) style.numFmt = look.numFmt;
      this.styles.set(key, style);
    }
    this.byLook.set(look, style);
    return style;
  }
}

/** The part of exceljs's style manager (StylesXform) that registers fonts; font 0 is the Normal style's. */
interface FontRegistry {
  _addFont(font: Partial<Font>): number;
}

/**
 * Makes the Normal style Times New Roman (FONT) instead of exceljs's fixed Calibri 11: it is the font of
 * any cell a user adds, and its digit width is the unit of column widths, so Excel and LibreOffice (with
 * Times New Roman or a metric twin) size columns alike. exceljs 4.4 adds its Calibri only while no font is
 * registered, so registering ours first makes it font 0; the check guards against a changed exceljs.
 */
export function setNormalFont(wb: Workbook, name: string, sizePt: number): void {
  const { styles } = wb as unknown as { styles: FontRegistry };
  if (styles._addFont({ name, size: sizePt, family: 1, color: { theme: 1 } }) !== 0) {
    throw new Error("exceljs: the Normal font must be the first font of the workbook");
  }
}
