/**
 * Block content of a part (body, header, footer, cell, text box): paragraphs and tables in order.
 * Tables keep their grid, the effective cell margins (direct, else table style, else the default table
 * style, else Word's 108 twips) and, per row, the repeat-header and can't-split flags.
 */
import type { ListCounters } from "./numbering.ts";
import type { Border } from "./properties.ts";
import { readParagraph, type Paragraph, type ReadContext } from "./paragraphs.ts";
import type { StyleSheet } from "./styles.ts";
import { attr, child, childrenNamed, childrenOf, numberAttr, onOff, tagOf, type XmlNode } from "./xml.ts";

export interface Cell {
  /** first grid column (0-based) and the number of columns it spans */
  gridStart: number;
  gridSpan: number;
  /** the spanned grid columns, or w:tcW when the table has no grid */
  widthTwips: number;
  marginsTwips: { left: number; right: number };
  /** w:vMerge: "restart" or "continue" */
  verticalMerge?: string;
  blocks: Block[];
  /** every paragraph of the cell in order, nested tables included */
  paragraphs: Paragraph[];
}

export interface Row {
  /** w:tblHeader: repeats at the top of each page */
  isHeader: boolean;
  cantSplit: boolean;
  cells: Cell[];
}

export interface Table {
  styleId?: string;
  gridTwips: number[];
  borders: Record<string, Border>;
  rows: Row[];
}

export type Block = { kind: "paragraph"; paragraph: Paragraph } | { kind: "table"; table: Table };

/** Word's Normal Table cell margin, used when nothing in the document sets one. */
const WORD_CELL_MARGIN_TWIPS = 108;

const sideMargin = (mar: XmlNode | undefined, side: "left" | "right") =>
  numberAttr(child(mar, `w:${side}`) ?? child(mar, side === "left" ? "w:start" : "w:end"), "w:w");

function readBorders(node: XmlNode | undefined): Record<string, Border> {
  return Object.fromEntries(
    childrenOf(node)
      .filter((side) => tagOf(side) !== undefined)
      .map((side) => [tagOf(side)!.replace(/^w:/, ""), { style: attr(side, "w:val") ?? "none" }]),
  );
}

function readTable(tbl: XmlNode, context: ReadContext): Table {
  const tblPr = child(tbl, "w:tblPr");
  const styleId = attr(child(tblPr, "w:tblStyle"), "w:val");
  const styleMargins = context.styles.tableCellMarginsTwips(styleId);
  const tableMar = child(tblPr, "w:tblCellMar");
  const tableMargins = {
    left: sideMargin(tableMar, "left") ?? styleMargins.left ?? WORD_CELL_MARGIN_TWIPS,
    right: sideMargin(tableMar, "right") ?? styleMargins.right ?? WORD_CELL_MARGIN_TWIPS,
  };
  const gridTwips = childrenNamed(child(tbl, "w:tblGrid"), "w:gridCol").map((c) => numberAttr(c, "w:w") ?? 0);
  const cellContext: ReadContext = { ...context, table: { styleId } };
  const table: Table = { gridTwips, borders: readBorders(child(tblPr, "w:tblBorders")), rows: [] };
  if (styleId !== undefined) table.styleId = styleId;
  const rows: (XmlNode | undefined)[] = wrapped(tbl, "w:tr");
  // from here on the rows are reached through `rows` only, and each goes once it is read
  if (context.consumesTree) childrenOf(tbl).length = 0;
  for (let i = 0; i < rows.length; i++) {
    const tr = rows[i]!;
    if (context.consumesTree) rows[i] = undefined;
    const trPr = child(tr, "w:trPr");
    let column = numberAttr(child(trPr, "w:gridBefore"), "w:val") ?? 0;
    const cells = wrapped(tr, "w:tc").map((tc) => {
      const cell = readCell(tc, column, gridTwips, tableMargins, cellContext);
      column += cell.gridSpan;
      return cell;
    });
    table.rows.push({ isHeader: onOff(child(trPr, "w:tblHeader")) ?? false, cantSplit: onOff(child(trPr, "w:cantSplit")) ?? false, cells });
  }
  return table;
}

function readCell(tc: XmlNode, gridStart: number, gridTwips: readonly number[], tableMargins: Cell["marginsTwips"], context: ReadContext): Cell {
  const tcPr = child(tc, "w:tcPr");
  const gridSpan = numberAttr(child(tcPr, "w:gridSpan"), "w:val") ?? 1;
  const spanned = gridTwips.slice(gridStart, gridStart + gridSpan);
  const cellMar = child(tcPr, "w:tcMar");
  const blocks = readBlocks(childrenOf(tc), context);
  const cell: Cell = {
    gridStart,
    gridSpan,
    widthTwips: spanned.length === gridSpan ? spanned.reduce((a, b) => a + b, 0) : (numberAttr(child(tcPr, "w:tcW"), "w:w") ?? 0),
    marginsTwips: { left: sideMargin(cellMar, "left") ?? tableMargins.left, right: sideMargin(cellMar, "right") ?? tableMargins.right },
    blocks,
    paragraphs: paragraphsOf(blocks),
  };
  const vMerge = child(tcPr, "w:vMerge");
  if (vMerge !== undefined) cell.verticalMerge = attr(vMerge, "w:val") ?? "continue";
  return cell;
}

/** Children with this tag, also inside content controls and custom XML (a repeating section wraps rows). */
function wrapped(node: XmlNode | undefined, tag: string): XmlNode[] {
  return childrenOf(node).flatMap((c) => {
    const name = tagOf(c);
    if (name === tag) return [c];
    if (name === "w:sdt") return wrapped(child(c, "w:sdtContent"), tag);
    return name === "w:customXml" ? wrapped(c, tag) : [];
  });
}

/** Paragraphs and tables of a container, in order; content controls and custom XML are transparent. */
export function readBlocks(nodes: readonly XmlNode[], context: ReadContext): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:p") blocks.push({ kind: "paragraph", paragraph: readParagraph(node, context) });
    else if (tag === "w:tbl") blocks.push({ kind: "table", table: readTable(node, context) });
    else if (tag === "w:sdt") blocks.push(...readBlocks(childrenOf(child(node, "w:sdtContent")), context));
    else if (tag === "w:customXml") blocks.push(...readBlocks(childrenOf(node), context));
  }
  return blocks;
}

/** Every paragraph in reading order: table cells and text boxes included. */
export function paragraphsOf(blocks: readonly Block[]): Paragraph[] {
  return blocks.flatMap((b) =>
    b.kind === "paragraph" ? [b.paragraph, ...b.paragraph.textboxes.flatMap(paragraphsOf)] : b.table.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)),
  );
}

/** The reading context of a part (`consumesTree`: see ReadContext); text boxes are read as blocks outside any table. */
export function partContext(styles: StyleSheet, part: string, lists: ListCounters, consumesTree = false): ReadContext {
  const context: ReadContext = {
    styles,
    part,
    counter: { next: 1 },
    lists,
    consumesTree,
    readTextbox: (content, outer) => readBlocks(childrenOf(content), { ...outer, table: undefined }),
  };
  return context;
}

/** The inner width of a cell: what its paragraphs can use. */
export const cellInnerTwips = (cell: Cell): number => cell.widthTwips - cell.marginsTwips.left - cell.marginsTwips.right;
