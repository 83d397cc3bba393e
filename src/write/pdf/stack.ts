/** Stacks of lines and rules (header and closing columns) and runs as pdfmake content. */
import type { Content } from "pdfmake/interfaces.js";
import type { Run, Stack, StackLine } from "../../plan/nodes.ts";

export const runContent = (run: Run): Content => ({ text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}) });

export function lineContent(line: StackLine, extraBeforePt = 0): Content {
  return {
    text: line.text,
    fontSize: line.sizePt,
    ...(line.bold ? { bold: true } : {}),
    ...(line.italic ? { italics: true } : {}),
    alignment: line.align,
    lineHeight: 1,
    margin: [0, line.spaceBeforePt + extraBeforePt, 0, 0],
  };
}

/** A stack's content; `extraBeforePt` is added above its first item (a gap between grid rows). */
export function stackContent(stack: Stack, extraBeforePt = 0): Content[] {
  return stack.map((item, i) => {
    const before = i === 0 ? extraBeforePt : 0;
    if (item.kind === "line") return lineContent(item, before);
    return {
      canvas: [{ type: "line", x1: 0, y1: 0, x2: item.lengthPt, y2: 0, lineWidth: item.strokePt }],
      alignment: "center",
      margin: [0, item.gapAbovePt + before, 0, 0],
    };
  });
}

/** Two columns side by side, each padded inside like a DOCX cell. */
export function gridRow(columnsPt: readonly [number, number], cellPaddingPt: number, cells: readonly [Stack, Stack], spaceBeforePt: number): Content {
  return {
    columns: cells.map((stack, i) => ({
      width: columnsPt[i]! - 2 * cellPaddingPt,
      stack: stackContent(stack, spaceBeforePt),
      margin: [cellPaddingPt, 0, cellPaddingPt, 0],
    })),
    columnGap: 2 * cellPaddingPt,
  } as Content;
}
