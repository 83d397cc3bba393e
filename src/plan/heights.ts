/**
 * Estimated heights (greedy wrap with Times New Roman metrics), for the layout decisions the plan makes
 * before any writer runs: whether a row fits a page, whether a paragraph and the signature fit together.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { BlockNode, PageSetup, ParagraphNode, Run, Stack } from "./nodes.ts";
import { textWidthPt } from "./page.ts";

export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");

/** The height of `lines` lines of `sizePt` text at `lineSpacing` (a multiple of single). */
export const linesHeightPt = (lines: number, sizePt: number, lineSpacing: number, measurer: TextMeasurer): number =>
  lines * sizePt * lineSpacing * measurer.lineHeightEm();

export function paragraphHeightPt(node: ParagraphNode, widthPt: number, measurer: TextMeasurer): number {
  const bold = node.runs.length > 0 && node.runs.every((r) => r.bold);
  // the first-line indent is counted as a word of its width
  const lines = measurer.lineCount(runsText(node.runs), node.sizePt, widthPt - node.firstLineIndentPt / 2, { bold });
  return node.spaceBeforePt + linesHeightPt(lines, node.sizePt, node.lineSpacing, measurer) + node.spaceAfterPt;
}

export function stackHeightPt(stack: Stack, widthPt: number, measurer: TextMeasurer): number {
  return stack.reduce((sum, item) => {
    if (item.kind === "rule") return sum + item.gapAbovePt + item.strokePt;
    const lines = measurer.lineCount(item.text, item.sizePt, widthPt, { bold: item.bold ?? false, italic: item.italic ?? false });
    return sum + item.spaceBeforePt + linesHeightPt(lines, item.sizePt, 1, measurer);
  }, 0);
}

/** The first part of a block that must share a page with a paragraph kept with it. */
function startHeightPt(block: BlockNode | undefined, widthPt: number, measurer: TextMeasurer): number {
  if (!block) return 0;
  switch (block.kind) {
    case "table":
      return block.headHeightPt;
    case "paragraph":
      // two lines, so the next paragraph does not leave a single line behind
      return block.spaceBeforePt + linesHeightPt(Math.min(2, measurer.lineCount(runsText(block.runs), block.sizePt, widthPt)), block.sizePt, block.lineSpacing, measurer);
    case "titleBlock":
    case "headerGrid":
    case "addressee":
    case "closing":
      // laid out as one block: a writer keeps such a pair together itself
      return 0;
  }
}

/** Sets keepRoomPt on every paragraph kept with the next block: its own height and the start of that block. */
export function withKeepRoom(blocks: readonly BlockNode[], page: PageSetup, measurer: TextMeasurer): BlockNode[] {
  const width = textWidthPt(page);
  return blocks.map((block, i) => {
    if (block.kind !== "paragraph" || !block.keepWithNext) return block;
    return { ...block, keepRoomPt: paragraphHeightPt(block, width, measurer) + startHeightPt(blocks[i + 1], width, measurer) };
  });
}
