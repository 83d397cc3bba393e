/**
 * xl/styles.xml as far as what a cell shows depends on it: each cell format's number format (a date, a
 * percentage, a number of decimals), font (bold, italic, underline, size) and horizontal alignment.
 */
import type { Alignment } from "../source-document.ts";
import { attr, child, childrenNamed, findAll, numberAttr, type XmlNode } from "../docx/ooxml/xml.ts";

export interface FontLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  sizePt?: number;
}

export interface CellFormat {
  /** the number format code ("General", "dd/mm/yyyy", "0.00%") */
  numberFormat: string;
  font: FontLook;
  alignment?: Alignment;
}

/** Built-in number formats (ECMA-376 18.8.30) that change what a number shows; the others show as General. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;(#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;(#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  49: "@",
};
/** East Asian built-in date formats: their codes depend on the locale, but they are dates. */
const EAST_ASIAN_DATES = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

const ALIGNMENTS: Record<string, Alignment> = { left: "left", center: "center", centerContinuous: "center", right: "right", justify: "justify", distributed: "justify" };

/** `<b/>` is on, `<b val="0"/>` off (ST_OnOff). */
const isOn = (node: XmlNode | undefined) => node !== undefined && !["0", "false", "off"].includes(attr(node, "val") ?? "1");

export function fontLook(properties: XmlNode | undefined): FontLook {
  const look: FontLook = {};
  if (isOn(child(properties, "b"))) look.bold = true;
  if (isOn(child(properties, "i"))) look.italic = true;
  const underline = child(properties, "u");
  if (underline && attr(underline, "val") !== "none") look.underline = true;
  const size = numberAttr(child(properties, "sz"), "val");
  if (size !== undefined) look.sizePt = size;
  return look;
}

export interface StyleTable {
  /** the format of a cell's `s` index; index 0 (or one out of range) is the default */
  format(index: number): CellFormat;
}

const GENERAL: CellFormat = { numberFormat: "General", font: {} };

export function readStyles(styles: XmlNode[] | undefined): StyleTable {
  if (!styles) return { format: () => GENERAL };
  const sheet = findAll(styles, "styleSheet")[0];
  const custom = new Map<number, string>(childrenNamed(child(sheet, "numFmts"), "numFmt").map((n) => [numberAttr(n, "numFmtId") ?? -1, attr(n, "formatCode") ?? "General"]));
  const fonts = childrenNamed(child(sheet, "fonts"), "font").map(fontLook);
  const formats = childrenNamed(child(sheet, "cellXfs"), "xf").map((xf): CellFormat => {
    const id = numberAttr(xf, "numFmtId") ?? 0;
    const numberFormat = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? (EAST_ASIAN_DATES.has(id) ? "yyyy-mm-dd" : "General");
    const format: CellFormat = { numberFormat, font: fonts[numberAttr(xf, "fontId") ?? 0] ?? {} };
    const alignment = ALIGNMENTS[attr(child(xf, "alignment"), "horizontal") ?? ""];
    if (alignment) format.alignment = alignment;
    return format;
  });
  return { format: (index) => formats[index] ?? formats[0] ?? GENERAL };
}
