/**
 * Keep-with-next for pdfmake, which has none. pdfmake's `pageBreakBefore` hook sees where each node starts;
 * a paragraph the plan keeps with the next block carries the room the two need (`keepRoomPt`, estimated by the
 * plan) as its headline level, and moves to the next page when less room is left below its start. (Where the
 * next block lands cannot be asked: pdfmake reports the first try of an unbreakable block, not where it went.)
 *
 * pdfmake lays the whole document out again after every break the hook asks for, so the breaks a document may
 * ask for are bounded by its size: a 10,000-task appendix would otherwise be laid out once per group row that
 * ends a page (24 layouts of it took 214 s).
 */
import type { Node } from "pdfmake/interfaces.js";
import type { ParagraphNode, TableRow } from "../../plan/nodes.ts";

const room = (keep: boolean, roomPt: number): { headlineLevel?: number } => (keep && roomPt > 0 ? { headlineLevel: Math.ceil(roomPt) } : {});

export const keepWithNext = (node: ParagraphNode): { headlineLevel?: number } => room(node.keepWithNext, node.keepRoomPt);

/**
 * On every cell of a row (pdfmake breaks before a cell, not before its row), with an id "<row id>/<cell>"
 * (pdfmake wants ids unique): once one cell of a row has moved, the others move too, whatever is left of the budget.
 */
export const keepRowWithNext = (row: TableRow, rowId: string, cell: number): { headlineLevel?: number; id?: string } =>
  row.keepWithNext && row.keepRoomPt > 0 ? { ...room(true, row.keepRoomPt), id: `${rowId}/${cell}` } : {};

const rowOf = (id: string | undefined): string | undefined => (id === undefined || !id.includes("/") ? undefined : id.slice(0, id.lastIndexOf("/")));

/** Breaks one document may ask for: each costs a layout of the whole document. */
export const KEEP_BREAKS_PER_DOCUMENT = 24;
/**
 * Blocks and table rows laid out again, summed over the extra layouts: about 20,000 rows take pdfmake 15 s here,
 * so a 10,000-task appendix gets one extra layout and a letter all 24.
 */
const RELAYOUT_WORK = 20_000;

/** How many breaks a document of `size` blocks and rows may ask for. */
export const keepBreakBudget = (size: number): number => Math.min(KEEP_BREAKS_PER_DOCUMENT, Math.floor(RELAYOUT_WORK / Math.max(1, size)));

/** A fresh `pageBreakBefore` hook for one document. */
export function pageBreakHook(budget: number): (node: Node) => boolean {
  let left = budget;
  const movedRows = new Set<string>();
  return (node) => {
    const room = node.headlineLevel;
    const start = node.startPosition;
    if (room === undefined || !start) return false;
    const free = start.pageInnerHeight * (1 - start.verticalRatio);
    // a pair taller than a whole page cannot be kept: leave it where it starts
    if (!(room > free && room <= start.pageInnerHeight && start.verticalRatio > 0)) return false;
    const row = rowOf(node.id);
    if (row !== undefined && movedRows.has(row)) return true;
    if (left === 0) return false;
    left--;
    if (row !== undefined) movedRows.add(row);
    return true;
  };
}
