/**
 * Where text stands across a line laid out in columns by tabs or spaces (a tab-aligned header or closing,
 * the Word way when no table is used): each tab goes to the next custom tab stop (w:tabs: left, centre,
 * right) or default stop, and the text after it is set there; widths are measured with the checker's
 * Times New Roman metrics. Positions are twips from the start of the paragraph's box (margin or cell).
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { Paragraph, Run } from "../read/docx/ooxml/paragraphs.ts";
import type { TabStop } from "../read/docx/ooxml/properties.ts";

/**
 * How far a column's text may stand from its column's centre and still be centred: 2 mm. Lines centred
 * with spaces land within a space of each other (1.2 mm at 13 pt), and Word sets lines on its own grid.
 */
export const COLUMN_CENTRE_TOLERANCE_TWIPS = 113;

export interface Placed {
  startTwips: number;
  endTwips: number;
  /** the custom tab stop the text is set at, if any */
  stop?: TabStop;
}

/** The width a run's text takes, in points: in its face and size, capitals if w:caps, with its character spacing. */
export const runWidthPt = (run: Run, text: string, measurer: TextMeasurer): number =>
  measurer.widthPt(run.format.caps ? text.toLocaleUpperCase("vi") : text, run.format.sizeHalfPt / 2, { bold: run.format.bold, italic: run.format.italic, kern: false }) +
  ([...text].length * run.format.spacingTwips) / 20;

const runWidthTwips = (run: Run, text: string, measurer: TextMeasurer): number => runWidthPt(run, text, measurer) * 20;

/** The next stop after `x`: a custom one, else the next default stop. */
function nextStop(x: number, stops: readonly TabStop[], defaultTwips: number): TabStop {
  const custom = stops.find((s) => s.posTwips > x + 1 && s.kind !== "bar");
  return custom ?? { kind: "left", posTwips: (Math.floor(x / defaultTwips) + 1) * defaultTwips };
}

/**
 * The x of every character boundary of a line (`runs`: the pieces of runs that draw it, in order) and the
 * tab stop each character is set at.
 */
function layOut(p: Paragraph, runs: readonly Run[], firstLine: boolean, defaultTabTwips: number, measurer: TextMeasurer): { xs: number[]; stops: (TabStop | undefined)[] } {
  const chars = runs.flatMap((run) => [...run.text].map((ch) => ({ ch, width: ch === "\t" ? 0 : runWidthTwips(run, ch, measurer) })));
  const start = p.format.indentLeftTwips + (firstLine ? p.format.firstLineTwips : 0);
  const xs = [start];
  const stops: (TabStop | undefined)[] = [];
  let x = start;
  let stop: TabStop | undefined;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i]!.ch !== "\t") {
      x += chars[i]!.width;
      xs.push(x);
      stops.push(stop);
      continue;
    }
    const next = nextStop(x, p.format.tabs, defaultTabTwips);
    // the segment up to the next tab is set left of, around or right of the stop; spaces ending the line do not count
    let end = i + 1;
    while (end < chars.length && chars[end]!.ch !== "\t") end++;
    if (end === chars.length) while (end > i + 1 && /\s/u.test(chars[end - 1]!.ch)) end--;
    const width = chars.slice(i + 1, end).reduce((sum, c) => sum + c.width, 0);
    const shift = next.kind === "center" ? width / 2 : next.kind === "right" || next.kind === "end" || next.kind === "decimal" ? width : 0;
    x = Math.max(x, next.posTwips - shift);
    stop = next.kind === "left" && !p.format.tabs.includes(next) ? undefined : next;
    xs.push(x);
    stops.push(stop);
  }
  return { xs, stops };
}

/** Where `text` (found in the line the runs draw) stands, or undefined when the line does not hold it. */
export function placeText(p: Paragraph, runs: readonly Run[], text: string, firstLine: boolean, defaultTabTwips: number, measurer: TextMeasurer): Placed | undefined {
  const line = runs.map((r) => r.text).join("");
  const from = line.indexOf(text);
  if (from < 0) return undefined;
  const { xs, stops } = layOut(p, runs, firstLine, defaultTabTwips, measurer);
  const startIndex = [...line.slice(0, from)].length;
  const endIndex = startIndex + [...text].length;
  const placed: Placed = { startTwips: xs[startIndex]!, endTwips: xs[endIndex]! };
  const stop = stops[startIndex];
  if (stop) placed.stop = stop;
  return placed;
}

export const centreOf = (placed: Placed): number => (placed.startTwips + placed.endTwips) / 2;
