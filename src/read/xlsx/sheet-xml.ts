/**
 * The bulk of a workbook, its worksheets' cells and its shared strings, scanned with regular expressions
 * instead of a general XML parser: these parts are flat lists of a few elements, and a parser building a
 * node tree took half a second for 10,000 cells (the tracking sheet of a 37-task appendix has as many). A
 * part cut short (no closing root tag) is an error; what the scan does not know (extensions, drawings) is
 * skipped. Element names may carry a namespace prefix (`<x:c>`, as the Open XML SDK writes them).
 */
import type { FontLook } from "./styles.ts";

export interface ScannedCell {
  ref?: string;
  style: number;
  type: string;
  /** the text of `<v>`, entities decoded */
  value?: string;
  formula: boolean;
  /** an inline string's `<is>` content, raw */
  inline?: string;
}

export interface ScannedRow {
  number?: number;
  hidden: boolean;
  cells: ScannedCell[];
}

export interface ScannedSheet {
  rows: ScannedRow[];
  merges: string[];
  /** the column ranges `<cols>` hides (1-based, inclusive) */
  hiddenColumns: { min: number; max: number }[];
  orientation?: string;
  paperSize?: string;
}

/** A string item's run: its text (entities decoded) and, in rich text, its look. */
export interface ScannedRun {
  text: string;
  look?: FontLook;
}

export const P = "(?:[\\w.-]+:)?";
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name!]!;
  });
}

/** Attributes of a start tag's text (`r="A1" s="3"`), names without their prefix. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const attribute = /(?:[\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = attribute.exec(text); m !== null; m = attribute.exec(text)) out[m[1]!] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, "g");
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, "g");
const VALUE = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f\\b`);
const INLINE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);
const COLUMN = new RegExp(`<${P}col\\b([^>]*?)/?>`, "g");
const MERGE = new RegExp(`<${P}mergeCell\\b([^>]*?)/?>`, "g");
const PAGE = new RegExp(`<${P}pageSetup\\b([^>]*?)/?>`);
const ON = (value: string | undefined) => value === "1" || value === "true";

/** Whether the part ends with its root element's end tag (or is one empty element): a truncated part does not. */
export function isComplete(xml: string, root: string): boolean {
  const tail = xml.trimEnd();
  return new RegExp(`</${P}${root}>$`).test(tail) || new RegExp(`<${P}${root}\\b[^>]*/>$`).test(tail);
}

export function scanSheet(xml: string): ScannedSheet {
  const data = new RegExp(`<${P}sheetData\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}sheetData>)`).exec(xml);
  const rows: ScannedRow[] = [];
  for (const row of (data?.[1] ?? "").matchAll(ROW)) {
    const rowAttributes = attributes(row[1]!);
    const cells: ScannedCell[] = [];
    for (const cell of (row[2] ?? "").matchAll(CELL)) {
      const body = cell[2] ?? "";
      // most cells of a formatted sheet are empty: only one without a reference counts (it moves the column on)
      if (body === "" && /\br\s*=/.test(cell[1]!)) continue;
      const a = attributes(cell[1]!);
      const value = VALUE.exec(body)?.[1];
      const inline = INLINE.exec(body)?.[1];
      const scanned: ScannedCell = { style: Number(a.s ?? 0) || 0, type: a.t ?? "n", formula: FORMULA.test(body) };
      if (a.r !== undefined) scanned.ref = a.r;
      if (value !== undefined) scanned.value = decodeEntities(value);
      if (inline !== undefined) scanned.inline = inline;
      cells.push(scanned);
    }
    const number = Number(rowAttributes.r);
    rows.push({ ...(Number.isInteger(number) && number > 0 ? { number } : {}), hidden: ON(rowAttributes.hidden), cells });
  }
  const merges = [...xml.matchAll(MERGE)].map((m) => attributes(m[1]!).ref ?? "");
  const page = PAGE.exec(xml);
  const setup = page ? attributes(page[1]!) : {};
  return { rows, merges, hiddenColumns: hiddenColumns(xml), ...(setup.orientation ? { orientation: setup.orientation } : {}), ...(setup.paperSize ? { paperSize: setup.paperSize } : {}) };
}

/** The column ranges hidden by `<col min=".." max=".." hidden="1"/>`: ranges, as a range may reach to XFD. */
function hiddenColumns(xml: string): { min: number; max: number }[] {
  const ranges: { min: number; max: number }[] = [];
  for (const m of xml.matchAll(COLUMN)) {
    const a = attributes(m[1]!);
    if (!ON(a.hidden)) continue;
    const [min, max] = [Number(a.min), Number(a.max ?? a.min)];
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) ranges.push({ min, max });
  }
  return ranges;
}

const ITEM = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, "g");
const RUN = new RegExp(`<${P}r\\b[^>]*>([\\s\\S]*?)</${P}r>`, "g");
const HAS_RUN = new RegExp(`<${P}r\\b`);
const TEXT = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, "g");
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");
const RUN_PROPERTIES = new RegExp(`<${P}rPr\\b[^>]*>([\\s\\S]*?)</${P}rPr>`);

/** A font's or a run's look from its properties' XML (`<b/><i/><sz val="12"/>`). */
export function lookOf(properties: string): FontLook {
  const element = (name: string) => new RegExp(`<${P}${name}\\b([^>]*?)/?>`).exec(properties);
  const on = (name: string) => {
    const m = element(name);
    const value = m ? attributes(m[1]!).val : undefined;
    return m !== null && !["0", "false", "off"].includes(value ?? "1");
  };
  const look: FontLook = {};
  if (on("b")) look.bold = true;
  if (on("i")) look.italic = true;
  const underline = element("u");
  if (underline && attributes(underline[1]!).val !== "none") look.underline = true;
  const size = Number(attributes(element("sz")?.[1] ?? "").val);
  if (size > 0) look.sizePt = size;
  return look;
}

/** The runs of a string item (`<si>` or `<is>` content): plain text, or rich-text runs each with its look; phonetic runs left out. */
export function scanStringItem(content: string): ScannedRun[] {
  const body = content.replace(PHONETIC, "");
  const text = (xml: string) => [...xml.matchAll(TEXT)].map((m) => decodeEntities(m[1] ?? "")).join("");
  if (!HAS_RUN.test(body)) return [{ text: text(body) }];
  return [...body.matchAll(RUN)].map((m) => {
    const properties = RUN_PROPERTIES.exec(m[1]!)?.[1];
    return properties === undefined ? { text: text(m[1]!) } : { text: text(m[1]!.replace(RUN_PROPERTIES, "")), look: lookOf(properties) };
  });
}

export function scanSharedStrings(xml: string): ScannedRun[][] {
  return [...xml.matchAll(ITEM)].map((m) => scanStringItem(m[1] ?? ""));
}
