/**
 * xl/styles.xml as far as what a cell shows depends on it: each cell format's number format (a date, a
 * percentage, a number of decimals), font (bold, italic, underline, size) and horizontal alignment.
 */
import type { Alignment } from "../source-document.ts";
import { attributes, lookOf, P } from "./sheet-xml.ts";

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

export interface StyleTable {
  /** the format of a cell's `s` index; index 0 (or one out of range) is the default */
  format(index: number): CellFormat;
}

const GENERAL: CellFormat = { numberFormat: "General", font: {} };

/** The content of each `<name>` element directly in the first `<list>` element, or its attributes when it is empty. */
function elements(xml: string, list: string, name: string): { attributes: Record<string, string>; content: string }[] {
  const container = new RegExp(`<${P}${list}\\b[^>]*>([\\s\\S]*?)</${P}${list}>`).exec(xml)?.[1] ?? "";
  const element = new RegExp(`<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, "g");
  return [...container.matchAll(element)].map((m) => ({ attributes: attributes(m[1]!), content: m[2] ?? "" }));
}

export function readStyles(xml: string | undefined): StyleTable {
  if (xml === undefined) return { format: () => GENERAL };
  const custom = new Map(elements(xml, "numFmts", "numFmt").map((n) => [Number(n.attributes.numFmtId), n.attributes.formatCode ?? "General"]));
  const fonts = elements(xml, "fonts", "font").map((font) => lookOf(font.content));
  const formats = elements(xml, "cellXfs", "xf").map((xf): CellFormat => {
    const id = Number(xf.attributes.numFmtId ?? 0);
    const numberFormat = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? (EAST_ASIAN_DATES.has(id) ? "yyyy-mm-dd" : "General");
    const format: CellFormat = { numberFormat, font: fonts[Number(xf.attributes.fontId ?? 0)] ?? {} };
    const alignment = ALIGNMENTS[attributes(new RegExp(`<${P}alignment\\b([^>]*?)/?>`).exec(xf.content)?.[1] ?? "").horizontal ?? ""];
    if (alignment) format.alignment = alignment;
    return format;
  });
  return { format: (index) => formats[index] ?? formats[0] ?? GENERAL };
}
