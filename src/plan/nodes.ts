/**
 * The document plan: a format-neutral description of one document, composed once from the model and the
 * profile and rendered by the DOCX and the PDF writers node by node. Every length is in points and every
 * number a writer needs (sizes, gaps, strokes, line lengths, indents, column widths) is here: writers convert
 * units and map nodes, they own no layout numbers.
 */

export type Align = "left" | "center" | "right" | "justify";

/** A piece of text with its emphasis; its size comes from the node that holds it. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One paragraph of a stack (a header or closing column): one line as written, which may wrap. */
export interface StackLine {
  kind: "line";
  text: string;
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  align: Align;
  spaceBeforePt: number;
}

/** A solid line centred in its box (HDR-ISSUER-LINE, HDR-TN-LINE, TITLE-LINE). */
export interface RuleLine {
  kind: "rule";
  lengthPt: number;
  strokePt: number;
  /** from the bottom of the text line above to the rule */
  gapAbovePt: number;
}

export type StackItem = StackLine | RuleLine;
export type Stack = readonly StackItem[];

/** Spec §2: the borderless grid; row 1 issuer | Quốc hiệu + Tiêu ngữ, row 2 "Số:" (+ "V/v") | place and date. */
export interface HeaderGridNode {
  kind: "headerGrid";
  columnsPt: readonly [number, number];
  cellPaddingPt: number;
  issuer: Stack;
  national: Stack;
  /** space between row 1 and row 2 */
  rowGapPt: number;
  number: Stack;
  placeDate: Stack;
}

/** Spec §3 and §7: centred lines (type, trích yếu; or Phụ lục heading, title, reference) and the short line under them. */
export interface TitleBlockNode {
  kind: "titleBlock";
  role: "decision" | "attachment" | "appendix";
  lines: readonly StackLine[];
  rule: RuleLine;
  spaceAfterPt: number;
}

export type ParagraphRole =
  | "authority"
  | "basis"
  | "preamble"
  | "proposal"
  | "decides"
  | "article"
  | "section"
  | "item"
  | "point"
  | "bullet"
  | "body"
  | "intro";

/** Spec §4: a paragraph of running text. */
export interface ParagraphNode {
  kind: "paragraph";
  role: ParagraphRole;
  runs: readonly Run[];
  sizePt: number;
  align: Align;
  firstLineIndentPt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** multiple of single line spacing (BODY-PARA: 1–1.5) */
  lineSpacing: number;
  /** never the last thing on a page: a heading, a table's intro, the last paragraph before the signature */
  keepWithNext: boolean;
  /**
   * With keepWithNext: the estimated height this paragraph and the start of what follows (a table's header
   * and first row, two lines of a paragraph) need together at the foot of a page; 0 otherwise.
   */
  keepRoomPt: number;
}

/** RECIP-KG: "Kính gửi: X" on one line, or "Kính gửi:" and several addressees on their own lines "- …;". */
export interface AddresseeNode {
  kind: "addressee";
  /** centred lines, as printed */
  lines: readonly string[];
  sizePt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
}

export interface TableCell {
  runs: readonly Run[];
  align: Align;
  /** columns this cell covers (1 when absent) */
  colSpan?: number;
  /** rows this cell covers (1 when absent); the rows below omit the cells it covers */
  rowSpan?: number;
}

export interface TableRow {
  role: "header" | "group" | "item";
  /** cells in column order; positions covered by a span from the left or from above are omitted */
  cells: readonly TableCell[];
  /** the row does not split across pages; false for a row taller than a page, which must split */
  keepTogether: boolean;
  /** kept on the page of the next row (group rows) */
  keepWithNext: boolean;
  /** with keepWithNext: the estimated height of this row and the next together; 0 otherwise */
  keepRoomPt: number;
}

/** APX-TABLE and the letters' task tables: a ruled grid whose first `headerRows` rows repeat on every page. */
export interface TableNode {
  kind: "table";
  role: "appendix" | "tasks";
  columns: readonly { widthPt: number }[];
  headerRows: number;
  rows: readonly TableRow[];
  sizePt: number;
  lineSpacing: number;
  paddingPt: { x: number; y: number };
  strokePt: number;
  spaceAfterPt: number;
  /** estimated height of the header rows and the first row below them (what must share a page) */
  headHeightPt: number;
}

/** Spec §5–6: Nơi nhận in the left column, level with the signature block in the right one, on one page. */
export interface ClosingNode {
  kind: "closing";
  columnsPt: readonly [number, number];
  cellPaddingPt: number;
  spaceBeforePt: number;
  recipients: Stack;
  signature: Stack;
}

export type BlockNode = HeaderGridNode | TitleBlockNode | ParagraphNode | AddresseeNode | TableNode | ClosingNode;
export type BlockKind = BlockNode["kind"];

export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** as the page is read (landscape: wider than tall) */
  widthPt: number;
  heightPt: number;
  marginsPt: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

/** PAGE-NUM, PAGE-NUM-APPENDIX: never on a section's first page. */
export interface PageNumbering {
  position: "top-center" | "bottom-right";
  sizePt: number;
  /** the section counts its pages from 1 */
  restart: boolean;
}

export interface SectionPlan {
  page: PageSetup;
  numbering: PageNumbering;
  blocks: readonly BlockNode[];
}

export interface DocumentMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  description: string;
  /** ISO date of the document: every file timestamp (REPRO) */
  date: string;
  language: string;
}

export interface DocumentPlan {
  kind: "decision" | "letter";
  font: { family: string; colour: string };
  /** the size text takes where nothing else says (empty paragraphs, page numbers' defaults) */
  baseSizePt: number;
  metadata: DocumentMetadata;
  sections: readonly SectionPlan[];
}

/** Writers handle every node kind: the compiler flags one that misses a kind. */
export type NodeHandlers<Out, Ctx> = { [K in BlockKind]: (node: Extract<BlockNode, { kind: K }>, ctx: Ctx) => Out };
