/**
 * Keep-with-next for pdfmake, which has none. pdfmake's `pageBreakBefore` hook sees where each node starts;
 * a paragraph the plan keeps with the next block carries the room the two need (`keepRoomPt`, estimated by the
 * plan) as its headline level, and moves to the next page when less room is left below its start. (Where the
 * next block lands cannot be asked: pdfmake reports the first try of an unbreakable block, not where it went.)
 */
import type { Node } from "pdfmake/interfaces.js";
import type { ParagraphNode, TableRow } from "../../plan/nodes.ts";

const room = (keep: boolean, roomPt: number): { headlineLevel?: number } => (keep && roomPt > 0 ? { headlineLevel: Math.ceil(roomPt) } : {});

export const keepWithNext = (node: ParagraphNode): { headlineLevel?: number } => room(node.keepWithNext, node.keepRoomPt);

/** On a row's first cell: pdfmake then moves the whole row to the next page. */
export const keepRowWithNext = (row: TableRow): { headlineLevel?: number } => room(row.keepWithNext, row.keepRoomPt);

export function pageBreakBefore(node: Node): boolean {
  const room = node.headlineLevel;
  const start = node.startPosition;
  if (room === undefined || !start) return false;
  const left = start.pageInnerHeight * (1 - start.verticalRatio);
  // a pair taller than a whole page cannot be kept: leave it where it starts
  return room > left && room <= start.pageInnerHeight && start.verticalRatio > 0;
}
