/**
 * The straight strokes a PDF draws (lines under the header and titles, table rules), from pdf.js's operator
 * lists, in page coordinates (points from the bottom left), with their line widths.
 */
import { getDocument, OPS } from "./pdfjs.ts";

export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  widthPt: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export async function readPdfStrokes(bytes: Uint8Array): Promise<Stroke[][]> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: Stroke[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const list = await (await doc.getPage(n)).getOperatorList();
      const strokes: Stroke[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      let lineWidth = 1;
      const stack: [Matrix, number][] = [];
      let pending: [number, number, number, number][] = [];
      list.fnArray.forEach((fn, i) => {
        // a path is painted by a later operator (colour and state changes come in between)
        const args = list.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push([ctm, lineWidth]);
        else if (fn === OPS.restore) [ctm, lineWidth] = stack.pop() ?? [ctm, lineWidth];
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
        else if (fn === OPS.constructPath) {
          const ops = args[0] as number[];
          const coords = args[1] as number[];
          let c = 0;
          let at: [number, number] = [0, 0];
          pending = [];
          for (const op of ops) {
            if (op === OPS.moveTo) at = [coords[c++]!, coords[c++]!];
            else if (op === OPS.lineTo) {
              const to: [number, number] = [coords[c++]!, coords[c++]!];
              pending.push([...apply(ctm, ...at), ...apply(ctm, ...to)] as [number, number, number, number]);
              at = to;
            } else if (op === OPS.rectangle) c += 4;
          }
        } else if (fn === OPS.stroke) {
          for (const [x1, y1, x2, y2] of pending) strokes.push({ x1, y1, x2, y2, widthPt: lineWidth * Math.hypot(ctm[0], ctm[1]) });
          pending = [];
        } else if (fn === OPS.fill || fn === OPS.endPath) pending = [];
      });
      pages.push(strokes);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Horizontal strokes of the given width (± 0.01 pt), with their lengths. */
export function horizontalRules(strokes: readonly Stroke[], widthPt: number): { y: number; x1: number; x2: number; lengthPt: number }[] {
  return strokes
    .filter((s) => Math.abs(s.y1 - s.y2) < 0.01 && Math.abs(s.widthPt - widthPt) < 0.01)
    .map((s) => ({ y: s.y1, x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2), lengthPt: Math.abs(s.x2 - s.x1) }));
}

/** Per page, whether every graphics-state restore has a save before it on that page (a viewer reports the rest as errors). */
export async function balancedGraphicsStates(bytes: Uint8Array): Promise<boolean[]> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: boolean[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let depth = 0;
      let balanced = true;
      for (const fn of (await (await doc.getPage(n)).getOperatorList()).fnArray) {
        if (fn === OPS.save) depth++;
        else if (fn === OPS.restore && --depth < 0) balanced = false;
      }
      pages.push(balanced && depth === 0);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
