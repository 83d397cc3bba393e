/**
 * The neutral source document every reader produces (DOCX, HTML, XLSX, text and markdown scrapes): what the
 * file shows, in order, with where each block came from. It knows nothing of decisions; a recognizer maps
 * it onto the model.
 */

/** A place in a text input; 1-based, like the diagnostics' points. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * One step down a DOCX or HTML tree; every number is 1-based, counted within the container above. A
 * workbook's steps name the sheet and the cell as Excel does ("B7").
 */
export type TreeStep =
  | { paragraph: number }
  | { table: number }
  | { table: number; row: number; cell: number }
  | { textbox: number }
  | { footnote: number }
  | { sheet: string }
  | { sheet: string; cell: string };

export interface TreePosition {
  /** the DOCX part ("word/document.xml", "word/footnotes.xml"); absent for HTML and XLSX */
  part?: string;
  path: TreeStep[];
}

export type SourcePosition = TextPosition | TreePosition;

export type Alignment = "left" | "center" | "right" | "justify";

export interface SourceRun {
  /** what the run shows; an explicit line break is "\n", a tab "\t" */
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** shown in capitals whatever the letters (w:caps, CSS text-transform: uppercase) */
  caps?: boolean;
  sizePt?: number;
  /** a footnote reference mark: the id of a SourceDocument footnote; `text` is the mark as shown */
  footnote?: number;
}

export interface SourceParagraph {
  kind: "paragraph";
  /** the runs' text joined */
  text: string;
  runs: SourceRun[];
  alignment?: Alignment;
  /** the style name as the file gives it ("Heading 1", "Normal"), when it has one */
  style?: string;
  position: SourcePosition;
}

export interface SourceCell {
  /** 1 unless the cell spans rows below it (rows it covers hold no cell of their own there) */
  rowSpan: number;
  /** the number of grid columns it covers */
  colSpan: number;
  blocks: SourceBlock[];
  position: SourcePosition;
}

export interface SourceRow {
  cells: SourceCell[];
  /** hidden in the file (a workbook's hidden or filtered-out row); still part of the table */
  hidden?: boolean;
}

export interface SourceTable {
  kind: "table";
  rows: SourceRow[];
  /** grid columns (1-based) hidden in the file (a workbook's hidden columns); still part of the table */
  hiddenColumns?: number[];
  position: SourcePosition;
}

export type SourceBlock = SourceParagraph | SourceTable;

export interface PageSetup {
  widthMm?: number;
  heightMm?: number;
  orientation?: "portrait" | "landscape";
  marginsMm?: { top?: number; bottom?: number; left?: number; right?: number };
}

/**
 * A run of blocks on the same page setup; formats without pages have one section and no page setup. A
 * workbook has a section per sheet, named, its cells one table.
 */
export interface SourceSection {
  page: PageSetup;
  blocks: SourceBlock[];
  /** the sheet's name (XLSX) */
  name?: string;
  /** a hidden sheet (XLSX) */
  hidden?: boolean;
}

export interface SourceFootnote {
  /** what references carry in SourceRun.footnote */
  id: number;
  /** the mark as the source shows it ("1", "*") */
  mark: string;
  blocks: SourceBlock[];
}

export type SourceFormat = "docx" | "html" | "text" | "xlsx";

export interface SourceDocument {
  format: SourceFormat;
  sections: SourceSection[];
  footnotes: SourceFootnote[];
}

/** The runs' text of a paragraph (what `text` holds). */
export const textOfRuns = (runs: readonly SourceRun[]): string => runs.map((run) => run.text).join("");

/** Whether two runs show alike, so that one span can hold both (a footnote mark stays a run of its own). */
const sameLook = (a: SourceRun, b: SourceRun): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.caps === b.caps && a.sizePt === b.sizePt && a.footnote === undefined && b.footnote === undefined;

/** Runs that look the same joined into one span (files split runs for revisions, spelling marks, wrapping). */
export function joinRuns(runs: readonly SourceRun[]): SourceRun[] {
  const joined: SourceRun[] = [];
  for (const run of runs) {
    const last = joined.at(-1);
    if (last && sameLook(last, run)) last.text += run.text;
    else joined.push({ ...run });
  }
  return joined;
}
