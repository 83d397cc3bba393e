/**
 * The OOXML reader's blocks (src/read/docx/ooxml) as source blocks: what each paragraph shows (field codes,
 * hidden text and deleted revisions left out), runs of the same look joined, text boxes after the paragraph
 * that anchors them, automatic list numbers before the text as Word shows them, vertically merged cells as
 * one cell with a row span. Grid columns a row leaves empty (w:gridBefore, w:gridAfter, a row of fewer
 * cells) are an empty cell, numbered 0 before the row's first cell and one past its last after it, so that
 * every row covers the table's grid. Each source block's position can be traced back to the OOXML
 * paragraph, table or cell it was read from (`DocxIndex`), for the layout check.
 */
import type { Block, Cell, Table } from "./ooxml/blocks.ts";
import type { Paragraph, Run } from "./ooxml/paragraphs.ts";
import type { RunFormat, StyleSheet } from "./ooxml/styles.ts";
import type { Alignment, SourceBlock, SourceCell, SourceParagraph, SourcePosition, SourceRow, SourceRun, SourceTable, TreeStep } from "../source-document.ts";
import { joinRuns, textOfRuns } from "../source-document.ts";

/**
 * The OOXML objects behind the source document's positions, by the position objects themselves (the
 * recognizer hands on the blocks' own positions): each paragraph, table and cell, and the cell a
 * paragraph stands in.
 */
export class DocxIndex {
  private readonly paragraphs = new Map<SourcePosition, { paragraph: Paragraph; cell?: Cell }>();
  private readonly cells = new Map<SourcePosition, Cell>();
  private readonly tables = new Map<SourcePosition, Table>();

  add(position: SourcePosition, found: { paragraph: Paragraph; cell?: Cell } | { cell: Cell } | { table: Table }): void {
    if ("paragraph" in found) this.paragraphs.set(position, found);
    else if ("cell" in found) this.cells.set(position, found.cell);
    else this.tables.set(position, found.table);
  }

  paragraph(at: { position: SourcePosition }): Paragraph | undefined {
    return this.paragraphs.get(at.position)?.paragraph;
  }

  /** The cell at a position, or the (innermost) cell a paragraph at it stands in. */
  cell(at: { position: SourcePosition }): Cell | undefined {
    return this.cells.get(at.position) ?? this.paragraphs.get(at.position)?.cell;
  }

  table(at: { position: SourcePosition }): Table | undefined {
    return this.tables.get(at.position);
  }
}

export interface BlockContext {
  part: string;
  styles: StyleSheet;
  /** a footnote's w:id → its number mark, in order of first reference (Word numbers them so) */
  footnoteNumber: (id: string) => number;
  /** where the OOXML objects behind the positions are recorded */
  index?: DocxIndex;
  /** the cell being read */
  cell?: Cell;
}

const ALIGNMENTS: Record<string, Alignment> = { left: "left", start: "left", center: "center", right: "right", end: "right", both: "justify", distribute: "justify" };

function runOf(text: string, format: RunFormat): SourceRun {
  const out: SourceRun = { text: text.normalize("NFC") };
  if (format.bold) out.bold = true;
  if (format.italic) out.italic = true;
  if (format.underline) out.underline = true;
  if (format.caps) out.caps = true;
  out.sizePt = format.sizeHalfPt / 2;
  return out;
}

function sourceRun(run: Run, context: BlockContext): SourceRun | undefined {
  if (run.footnoteId === undefined) return run.text === "" ? undefined : runOf(run.text, run.format);
  const footnote = context.footnoteNumber(run.footnoteId);
  return { ...runOf(String(footnote), run.format), footnote };
}

function sourceParagraph(paragraph: Paragraph, path: TreeStep[], context: BlockContext): SourceParagraph {
  const shown = paragraph.runs.filter((r) => !r.isFieldCode && !r.format.hidden).flatMap((r) => sourceRun(r, context) ?? []);
  // an automatic list number is drawn in the paragraph mark's look
  const label = paragraph.listLabel === undefined ? [] : [runOf(paragraph.listLabel, paragraph.markFormat)];
  const runs = joinRuns([...label, ...shown]);
  const out: SourceParagraph = { kind: "paragraph", text: textOfRuns(runs), runs, position: { part: context.part, path } };
  const alignment = ALIGNMENTS[paragraph.format.alignment];
  if (alignment) out.alignment = alignment;
  const style = paragraph.styleId === undefined ? undefined : (context.styles.paragraphStyleName(paragraph.styleId) ?? paragraph.styleId);
  if (style !== undefined) out.style = style;
  context.index?.add(out.position, context.cell ? { paragraph, cell: context.cell } : { paragraph });
  return out;
}

/** How many rows a w:vMerge="restart" cell covers: itself and the "continue" cells below at its grid column. */
function rowSpanOf(table: Table, rowIndex: number, cell: Cell): number {
  let span = 1;
  for (const row of table.rows.slice(rowIndex + 1)) {
    const below = row.cells.find((c) => c.gridStart === cell.gridStart);
    if (below?.verticalMerge !== "continue") break;
    span++;
  }
  return span;
}

const endOf = (cells: readonly Cell[]) => {
  const last = cells.at(-1);
  return last === undefined ? 0 : last.gridStart + last.gridSpan;
};

function sourceTable(table: Table, path: TreeStep[], context: BlockContext): SourceTable {
  const tableNumber = (path.at(-1) as { table: number }).table;
  const outer = path.slice(0, -1);
  const width = table.rows.reduce((max, row) => Math.max(max, endOf(row.cells)), table.gridTwips.length);
  const rows: SourceRow[] = table.rows.map((row, r) => {
    const at = (cell: number): TreeStep[] => [...outer, { table: tableNumber, row: r + 1, cell }];
    const empty = (cell: number, colSpan: number): SourceCell[] => (colSpan > 0 ? [{ rowSpan: 1, colSpan, blocks: [], position: { part: context.part, path: at(cell) } }] : []);
    const cells = row.cells.flatMap((cell, c): SourceCell[] => {
      if (cell.verticalMerge === "continue") return [];
      const position = { part: context.part, path: at(c + 1) };
      context.index?.add(position, { cell });
      return [{ rowSpan: cell.verticalMerge === "restart" ? rowSpanOf(table, r, cell) : 1, colSpan: cell.gridSpan, blocks: sourceBlocks(cell.blocks, at(c + 1), { ...context, cell }), position }];
    });
    return { cells: [...empty(0, row.cells[0]?.gridStart ?? 0), ...cells, ...empty(row.cells.length + 1, width - endOf(row.cells))] };
  });
  const position = { part: context.part, path };
  context.index?.add(position, { table });
  return { kind: "table", rows, position };
}

/** Source blocks of a container at `path` (the body: []); paragraphs and tables are numbered from 1 in it. */
export function sourceBlocks(blocks: readonly Block[], path: readonly TreeStep[], context: BlockContext): SourceBlock[] {
  let paragraphs = 0;
  let tables = 0;
  return blocks.flatMap((block): SourceBlock[] => {
    if (block.kind === "table") return [sourceTable(block.table, [...path, { table: ++tables }], context)];
    const at: TreeStep[] = [...path, { paragraph: ++paragraphs }];
    const textboxes = block.paragraph.textboxes.flatMap((content, k) => sourceBlocks(content, [...at, { textbox: k + 1 }], context));
    return [sourceParagraph(block.paragraph, at, context), ...textboxes];
  });
}
