/**
 * Reads a DOCX back into plain data for tests and checkers: paragraphs with their text, runs and
 * properties, tables with rows and cells, sections with page setup and header/footer parts, core properties.
 *
 * XML is parsed with string values and untrimmed text (proto §6): "05" stays "05", spaces are kept.
 * Attribute values that are measures (twips, half-points) are converted to numbers here, text never is.
 * Only what the document states directly is reported; inheritance from styles is left to the caller
 * (use `docDefaults` for the document-wide run properties).
 */
import { openDocxPackage, relationships, type DocxPackage } from "../../src/read/docx/ooxml/package.ts";
import { attr, attrsOf, child, childrenNamed, childrenOf, findAll, numberAttr, onOff as onOffOrUnset, tagOf, textOf, type XmlNode } from "../../src/read/docx/ooxml/xml.ts";

// The XML parsing and the package are the DOCX reader's (src/read/docx/ooxml); this module keeps the
// direct-formatting view the renderer's golden tests assert on.
export { relationships, type DocxPackage };
export type { XmlNode } from "../../src/read/docx/ooxml/xml.ts";

export const openDocx = (bytes: Uint8Array): DocxPackage => openDocxPackage(bytes);

/** An OOXML on/off property: present without w:val, or w:val true/1/on. */
const onOff = (node: XmlNode | undefined): boolean => onOffOrUnset(node) ?? false;

// ---------------------------------------------------------------------------------------------------------
// Runs and paragraphs

export interface RunInfo {
  /** w:t text (w:tab → "\t", w:br → "\n") */
  text: string;
  /** w:rFonts w:ascii */
  font?: string;
  /** all w:rFonts attributes (ascii, hAnsi, cs, eastAsia) */
  fonts: Record<string, string>;
  sizeHalfPt?: number;
  bold: boolean;
  italic: boolean;
  underline?: string;
  color?: string;
  /** w:fldChar type when the run is part of a complex field */
  fieldChar?: "begin" | "separate" | "end";
  /** w:instrText, e.g. "PAGE" */
  instruction?: string;
}

export interface BorderInfo {
  style: string;
  sizeEighthPt?: number;
  color?: string;
  space?: number;
}

export interface ParagraphInfo {
  /** the text of all runs, fields' instructions excluded */
  text: string;
  runs: RunInfo[];
  style?: string;
  /** w:jc: "left", "center", "right", "both" */
  alignment?: string;
  indent: { left?: number; right?: number; firstLine?: number; hanging?: number };
  spacing: { before?: number; after?: number; line?: number; lineRule?: string };
  keepNext: boolean;
  keepLines: boolean;
  borders: Partial<Record<"top" | "bottom" | "left" | "right", BorderInfo>>;
  /** field instructions in this paragraph, trimmed: ["PAGE"] */
  fields: string[];
  /** the w:sectPr this paragraph closes, for all sections but the last */
  sectionBreak?: XmlNode;
}

function readRun(r: XmlNode): RunInfo {
  const rPr = child(r, "w:rPr");
  const fonts = attrsOf(child(rPr, "w:rFonts") ?? {});
  let text = "";
  let fieldChar: RunInfo["fieldChar"];
  let instruction: string | undefined;
  for (const node of childrenOf(r)) {
    const tag = tagOf(node);
    if (tag === "w:t") text += textOf(node);
    else if (tag === "w:tab") text += "\t";
    else if (tag === "w:br" || tag === "w:cr") text += "\n";
    else if (tag === "w:fldChar") fieldChar = attr(node, "w:fldCharType") as RunInfo["fieldChar"];
    else if (tag === "w:instrText") instruction = (instruction ?? "") + textOf(node);
  }
  const info: RunInfo = { text, fonts, bold: onOff(child(rPr, "w:b")), italic: onOff(child(rPr, "w:i")) };
  if (fonts["w:ascii"] !== undefined) info.font = fonts["w:ascii"];
  const size = numberAttr(child(rPr, "w:sz"), "w:val");
  if (size !== undefined) info.sizeHalfPt = size;
  const underline = attr(child(rPr, "w:u"), "w:val");
  if (underline !== undefined) info.underline = underline;
  const color = attr(child(rPr, "w:color"), "w:val");
  if (color !== undefined) info.color = color;
  if (fieldChar !== undefined) info.fieldChar = fieldChar;
  if (instruction !== undefined) info.instruction = instruction;
  return info;
}

/** Runs directly in the paragraph and inside hyperlinks, smart tags, simple fields and insertions. */
function runsOf(p: XmlNode): XmlNode[] {
  const runs: XmlNode[] = [];
  for (const node of childrenOf(p)) {
    const tag = tagOf(node);
    if (tag === "w:r") runs.push(node);
    else if (tag === "w:hyperlink" || tag === "w:smartTag" || tag === "w:fldSimple" || tag === "w:ins") runs.push(...runsOf(node));
  }
  return runs;
}

function readBorder(node: XmlNode | undefined): BorderInfo | undefined {
  if (node === undefined) return undefined;
  const border: BorderInfo = { style: attr(node, "w:val") ?? "" };
  const size = numberAttr(node, "w:sz");
  if (size !== undefined) border.sizeEighthPt = size;
  const color = attr(node, "w:color");
  if (color !== undefined) border.color = color;
  const space = numberAttr(node, "w:space");
  if (space !== undefined) border.space = space;
  return border;
}

function definedOnly<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

export function readParagraph(p: XmlNode): ParagraphInfo {
  const pPr = child(p, "w:pPr");
  const runs = runsOf(p).map(readRun);
  const simpleFields = childrenNamed(p, "w:fldSimple").map((f) => attr(f, "w:instr") ?? "");
  const ind = child(pPr, "w:ind");
  const spacing = child(pPr, "w:spacing");
  const pBdr = child(pPr, "w:pBdr");
  const info: ParagraphInfo = {
    text: runs.map((r) => r.text).join(""),
    runs,
    indent: definedOnly({
      left: numberAttr(ind, "w:left") ?? numberAttr(ind, "w:start"),
      right: numberAttr(ind, "w:right") ?? numberAttr(ind, "w:end"),
      firstLine: numberAttr(ind, "w:firstLine"),
      hanging: numberAttr(ind, "w:hanging"),
    }),
    spacing: definedOnly({
      before: numberAttr(spacing, "w:before"),
      after: numberAttr(spacing, "w:after"),
      line: numberAttr(spacing, "w:line"),
      lineRule: attr(spacing, "w:lineRule"),
    }),
    keepNext: onOff(child(pPr, "w:keepNext")),
    keepLines: onOff(child(pPr, "w:keepLines")),
    borders: definedOnly({
      top: readBorder(child(pBdr, "w:top")),
      bottom: readBorder(child(pBdr, "w:bottom")),
      left: readBorder(child(pBdr, "w:left")),
      right: readBorder(child(pBdr, "w:right")),
    }),
    fields: [...runs.flatMap((r) => (r.instruction === undefined ? [] : [r.instruction.trim()])), ...simpleFields.map((f) => f.trim())],
  };
  const style = attr(child(pPr, "w:pStyle"), "w:val");
  if (style !== undefined) info.style = style;
  const alignment = attr(child(pPr, "w:jc"), "w:val");
  if (alignment !== undefined) info.alignment = alignment;
  const sectPr = child(pPr, "w:sectPr");
  if (sectPr !== undefined) info.sectionBreak = sectPr;
  return info;
}

// ---------------------------------------------------------------------------------------------------------
// Tables

export interface CellInfo {
  widthTwips?: number;
  /** w:gridSpan, 1 when absent */
  gridSpan: number;
  verticalMerge?: string;
  verticalAlign?: string;
  blocks: Block[];
  /** the cell's paragraphs, nested tables included */
  paragraphs: ParagraphInfo[];
  /** paragraph texts joined with "\n" */
  text: string;
}

export interface RowInfo {
  /** w:tblHeader: repeats at the top of each page */
  isHeader: boolean;
  cantSplit: boolean;
  cells: CellInfo[];
}

export interface TableInfo {
  gridTwips: number[];
  widthTwips?: number;
  widthType?: string;
  layout?: string;
  /** w:tblBorders sides */
  borders: Record<string, BorderInfo>;
  /** w:tblCellMar sides in twips */
  cellMarginsTwips: Record<string, number>;
  rows: RowInfo[];
}

export type Block = { kind: "paragraph"; paragraph: ParagraphInfo } | { kind: "table"; table: TableInfo };

function sidesOf(node: XmlNode | undefined): XmlNode[] {
  return node === undefined ? [] : childrenOf(node).filter((c) => tagOf(c) !== undefined);
}

export function readTable(tbl: XmlNode): TableInfo {
  const tblPr = child(tbl, "w:tblPr");
  const tblW = child(tblPr, "w:tblW");
  const info: TableInfo = {
    gridTwips: childrenNamed(child(tbl, "w:tblGrid") ?? {}, "w:gridCol").map((c) => Number(attr(c, "w:w"))),
    borders: Object.fromEntries(sidesOf(child(tblPr, "w:tblBorders")).map((s) => [tagOf(s)!.replace("w:", ""), readBorder(s)!])),
    cellMarginsTwips: Object.fromEntries(sidesOf(child(tblPr, "w:tblCellMar")).map((s) => [tagOf(s)!.replace("w:", ""), Number(attr(s, "w:w"))])),
    rows: childrenNamed(tbl, "w:tr").map((tr) => {
      const trPr = child(tr, "w:trPr");
      return {
        isHeader: onOff(child(trPr, "w:tblHeader")),
        cantSplit: onOff(child(trPr, "w:cantSplit")),
        cells: childrenNamed(tr, "w:tc").map(readCell),
      };
    }),
  };
  const width = numberAttr(tblW, "w:w");
  if (width !== undefined) info.widthTwips = width;
  const widthType = attr(tblW, "w:type");
  if (widthType !== undefined) info.widthType = widthType;
  const layout = attr(child(tblPr, "w:tblLayout"), "w:type");
  if (layout !== undefined) info.layout = layout;
  return info;
}

function readCell(tc: XmlNode): CellInfo {
  const tcPr = child(tc, "w:tcPr");
  const blocks = readBlocks(childrenOf(tc));
  const paragraphs = paragraphsOf(blocks);
  const cell: CellInfo = {
    gridSpan: numberAttr(child(tcPr, "w:gridSpan"), "w:val") ?? 1,
    blocks,
    paragraphs,
    text: paragraphs.map((p) => p.text).join("\n"),
  };
  const width = numberAttr(child(tcPr, "w:tcW"), "w:w");
  if (width !== undefined) cell.widthTwips = width;
  const vMerge = child(tcPr, "w:vMerge");
  if (vMerge !== undefined) cell.verticalMerge = attr(vMerge, "w:val") ?? "continue";
  const vAlign = attr(child(tcPr, "w:vAlign"), "w:val");
  if (vAlign !== undefined) cell.verticalAlign = vAlign;
  return cell;
}

export function readBlocks(nodes: readonly XmlNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:p") blocks.push({ kind: "paragraph", paragraph: readParagraph(node) });
    else if (tag === "w:tbl") blocks.push({ kind: "table", table: readTable(node) });
    else if (tag === "w:sdt") blocks.push(...readBlocks(childrenOf(child(node, "w:sdtContent") ?? {})));
  }
  return blocks;
}

/** Every paragraph in reading order, descending into table cells. */
export function paragraphsOf(blocks: readonly Block[]): ParagraphInfo[] {
  return blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : b.table.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs))));
}

/** Top-level tables (not nested ones). */
export function tablesOf(blocks: readonly Block[]): TableInfo[] {
  return blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
}

// ---------------------------------------------------------------------------------------------------------
// Sections, headers and footers

export type HeaderFooterType = "default" | "first" | "even";

export interface SectionInfo {
  /** w:type: "nextPage" (default when absent), "continuous", … */
  type?: string;
  page: { widthTwips: number; heightTwips: number; orientation: "portrait" | "landscape" };
  marginsTwips: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** w:titlePg: page 1 uses the "first" header and footer */
  titlePage: boolean;
  /** w:pgNumType w:start */
  pageNumberStart?: number;
  /** part names by type, e.g. { default: "word/header1.xml", first: "word/header2.xml" } */
  headers: Partial<Record<HeaderFooterType, string>>;
  footers: Partial<Record<HeaderFooterType, string>>;
  /** the blocks of this section, in order */
  blocks: Block[];
}

function readSectionProperties(sectPr: XmlNode, rels: Map<string, string>, blocks: Block[]): SectionInfo {
  const pgSz = child(sectPr, "w:pgSz");
  const pgMar = child(sectPr, "w:pgMar");
  const refs = (tag: string) =>
    Object.fromEntries(childrenNamed(sectPr, tag).map((ref) => [attr(ref, "w:type") ?? "default", rels.get(attr(ref, "r:id") ?? "") ?? ""]));
  const margins: SectionInfo["marginsTwips"] = {
    top: numberAttr(pgMar, "w:top") ?? NaN,
    bottom: numberAttr(pgMar, "w:bottom") ?? NaN,
    left: numberAttr(pgMar, "w:left") ?? NaN,
    right: numberAttr(pgMar, "w:right") ?? NaN,
  };
  const header = numberAttr(pgMar, "w:header");
  if (header !== undefined) margins.header = header;
  const footer = numberAttr(pgMar, "w:footer");
  if (footer !== undefined) margins.footer = footer;
  const section: SectionInfo = {
    page: {
      widthTwips: numberAttr(pgSz, "w:w") ?? NaN,
      heightTwips: numberAttr(pgSz, "w:h") ?? NaN,
      orientation: attr(pgSz, "w:orient") === "landscape" ? "landscape" : "portrait",
    },
    marginsTwips: margins,
    titlePage: onOff(child(sectPr, "w:titlePg")),
    headers: refs("w:headerReference"),
    footers: refs("w:footerReference"),
    blocks,
  };
  const type = attr(child(sectPr, "w:type"), "w:val");
  if (type !== undefined) section.type = type;
  const start = numberAttr(child(sectPr, "w:pgNumType"), "w:start");
  if (start !== undefined) section.pageNumberStart = start;
  return section;
}

export interface DocxDocument {
  pkg: DocxPackage;
  blocks: Block[];
  sections: SectionInfo[];
  /** every paragraph of the body in reading order, table cells included */
  paragraphs: ParagraphInfo[];
}

/** word/document.xml split into sections: a paragraph carrying a w:sectPr closes its section. */
export function readDocument(pkg: DocxPackage): DocxDocument {
  const body = findAll(pkg.xml("word/document.xml"), "w:body")[0];
  if (!body) throw new Error("word/document.xml has no w:body");
  const rels = relationships(pkg, "word/document.xml");
  const blocks = readBlocks(childrenOf(body));
  const sections: SectionInfo[] = [];
  let current: Block[] = [];
  for (const block of blocks) {
    current.push(block);
    if (block.kind === "paragraph" && block.paragraph.sectionBreak) {
      sections.push(readSectionProperties(block.paragraph.sectionBreak, rels, current));
      current = [];
    }
  }
  const last = child(body, "w:sectPr");
  if (last) sections.push(readSectionProperties(last, rels, current));
  return { pkg, blocks, sections, paragraphs: paragraphsOf(blocks) };
}

/** The blocks of a header or footer part. */
export function readHeaderFooter(pkg: DocxPackage, partName: string): Block[] {
  const root = pkg.xml(partName).find((n) => tagOf(n) === "w:hdr" || tagOf(n) === "w:ftr");
  if (!root) throw new Error(`${partName} is not a header or footer`);
  return readBlocks(childrenOf(root));
}

// ---------------------------------------------------------------------------------------------------------
// Document-wide properties

/** docProps/core.xml as a map of local names: title, subject, creator, keywords, description, created, … */
export function readCoreProperties(pkg: DocxPackage): Record<string, string> {
  const root = pkg.xml("docProps/core.xml").find((n) => tagOf(n) === "cp:coreProperties");
  if (!root) throw new Error("docProps/core.xml has no cp:coreProperties");
  return Object.fromEntries(
    childrenOf(root)
      .filter((n) => tagOf(n) !== undefined)
      .map((n) => [tagOf(n)!.replace(/^\w+:/, ""), textOf(n)]),
  );
}

export interface RunDefaults {
  font?: string;
  fonts: Record<string, string>;
  sizeHalfPt?: number;
  color?: string;
}

/** w:docDefaults/w:rPrDefault in word/styles.xml: what a run without its own properties gets. */
export function docDefaults(pkg: DocxPackage): RunDefaults {
  return runDefaultsOf(child(findAll(pkg.xml("word/styles.xml"), "w:rPrDefault")[0], "w:rPr"));
}

/** The run properties each paragraph style sets itself (w:style w:type="paragraph" → w:rPr), by style id. */
export function paragraphStyleRuns(pkg: DocxPackage): Map<string, RunDefaults> {
  const styles = findAll(pkg.xml("word/styles.xml"), "w:style").filter((style) => attr(style, "w:type") === "paragraph");
  return new Map(styles.map((style) => [attr(style, "w:styleId") ?? "", runDefaultsOf(child(style, "w:rPr"))]));
}

function runDefaultsOf(rPr: XmlNode | undefined): RunDefaults {
  const fonts = attrsOf(child(rPr, "w:rFonts") ?? {});
  const defaults: RunDefaults = { fonts };
  if (fonts["w:ascii"] !== undefined) defaults.font = fonts["w:ascii"];
  const size = numberAttr(child(rPr, "w:sz"), "w:val");
  if (size !== undefined) defaults.sizeHalfPt = size;
  const color = attr(child(rPr, "w:color"), "w:val");
  if (color !== undefined) defaults.color = color;
  return defaults;
}
