/**
 * A long table laid out and drawn in chunks of rows. pdfmake lays a whole document out before it draws a page
 * and keeps every laid-out page until then: a 10,000-row appendix held about 900 MB. A plan with a table
 * longer than `chunkRows` below its header is laid out one chunk at a time, each chunk as the document is
 * there: the first with everything before the table, the last with everything after it, the others the
 * table's header and their rows at the top of a page. A chunk's last page is left out and laid out again at
 * the top of the next chunk (with the rows that reach it), so every page drawn is the page the whole document's
 * layout gives; the runtime (pdfmake-runtime.ts, piece "chunked-layout") draws a chunk's pages before it lays
 * out the next. The chunk size is a memory knob: the pages are the same, every word at the same place and the
 * same rules (tested; not the same bytes: a chunk draws the rule under its header row cell by cell).
 */
import type { Content, Node } from "pdfmake/interfaces.js";
import type { DocumentPlan, TableNode } from "../../plan/nodes.ts";
import { cuttableRows, partEnd } from "../../plan/table.ts";
import { blockContext, tableContent, type PdfBlockContext } from "./blocks.ts";
import { sectionNumberings, type NumberingStart, type SectionNumbering } from "./page-numbers.ts";

/** Rows per chunk: about 40 landscape pages of the appendix. */
export const CHUNK_ROWS = 1000;

/** One chunk as pdfmake lays it out. */
export interface TableChunk {
  content: Content[];
  /** the chunk's table as given to pdfmake: the header rows, then plan rows `from` … `to` - 1 */
  table: object;
  headerRows: number;
  from: number;
  to: number;
  /** the chunk that ends the document: all its pages are drawn */
  last: boolean;
  pageBreakBefore: (node: Node) => boolean;
}

export interface ChunkedDocument {
  /** the table's first row below its header: where the first chunk starts */
  firstRow: number;
  /** rows per chunk */
  rows: number;
  /** rows a chunk may start at: no cell merged down from above runs into them */
  cuttable: readonly boolean[];
  /** the chunk starting at plan row `from` with at least `rows` rows (fewer at the end), numbered after `pagesBefore` pages */
  chunk(from: number, pagesBefore: number, rows: number): TableChunk;
}

/** What the writer builds a section's pdfmake node from: its blocks' content, with these page numbers. */
export interface SectionWriter {
  content(section: number, from: number, to: number, ctx: PdfBlockContext): Content[];
  node(section: number, content: Content[], numbering: SectionNumbering): Content;
  pageBreakBefore(): (node: Node) => boolean;
}

/** The longest table with more than `chunkRows` rows below its header: the one laid out in chunks. */
function longTable(plan: DocumentPlan, chunkRows: number): { section: number; block: number; node: TableNode } | undefined {
  let found: { section: number; block: number; node: TableNode } | undefined;
  plan.sections.forEach((section, s) =>
    section.blocks.forEach((node, b) => {
      if (node.kind !== "table" || node.rows.length - node.headerRows <= chunkRows) return;
      if (!found || node.rows.length > found.node.rows.length) found = { section: s, block: b, node };
    }),
  );
  return found;
}

export function chunkedDocument(plan: DocumentPlan, writer: SectionWriter, chunkRows: number): ChunkedDocument | undefined {
  const long = longTable(plan, chunkRows);
  if (!long) return undefined;
  const { node } = long;
  const cuttable = cuttableRows(node.rows);
  const firstPages: NumberingStart["firstPages"] = plan.sections.map(() => undefined);
  const firstRow = node.headerRows;
  const chunk = (from: number, pagesBefore: number, rows: number): TableChunk => {
    const to = partEnd(cuttable, from, rows);
    const first = from === firstRow;
    const last = to === node.rows.length;
    const firstSection = first ? 0 : long.section;
    const lastSection = last ? plan.sections.length - 1 : long.section;
    const numberings = sectionNumberings(plan.sections, { firstSection, pagesBefore, firstPages });
    const ctx = blockContext();
    const content: Content[] = [];
    let table: object = {};
    for (let s = firstSection; s <= lastSection; s++) {
      const blocks = plan.sections[s]!.blocks.length;
      if (s !== long.section) {
        content.push(writer.node(s, writer.content(s, 0, blocks, ctx), numberings[s]!));
        continue;
      }
      const part = tableContent(node, ctx, from, to);
      table = part as object;
      const before = first ? writer.content(s, 0, long.block, ctx) : [];
      const after = last ? writer.content(s, long.block + 1, blocks, ctx) : [];
      content.push(writer.node(s, [...before, part, ...after], numberings[s]!));
    }
    return { content, table, headerRows: node.headerRows, from, to, last, pageBreakBefore: writer.pageBreakBefore() };
  };
  return { firstRow, rows: chunkRows, cuttable, chunk };
}

/**
 * Where a chunk is cut, from the pages each of its rows was laid out on (`rowPages[i]`: the first and last page
 * of plan row `from + i`, 1-based; undefined for a row with nothing drawn). The chunk's pages are kept up to
 * the last page P (not its last page) that opens with a row of its own: no row from an earlier page runs onto
 * it, and that row may start a chunk; the next chunk starts there. Undefined when no page qualifies (the chunk
 * is too short to cut).
 */
export function chunkCut(rowPages: readonly ([number, number] | undefined)[], from: number, cuttable: readonly boolean[], pageCount: number): { keepPages: number; nextRow: number } | undefined {
  for (let page = pageCount; page >= 2; page--) {
    if (rowPages.some((span) => span !== undefined && span[0] < page && span[1] >= page)) continue;
    const next = rowPages.findIndex((span) => span !== undefined && span[0] >= page);
    if (next > 0 && cuttable[from + next]) return { keepPages: page - 1, nextRow: from + next };
  }
  return undefined;
}
