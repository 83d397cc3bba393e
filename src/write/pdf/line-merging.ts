/**
 * Draws the words of a line that look the same and sit edge to edge as one piece of text. pdfmake draws every
 * word by itself (its own TODO: "lines without differently styled inlines should be written to pdf as one
 * stream"), and each draw costs pdfkit a text object with its font, colour, opacity and position: the larger
 * part of writing a letter. Words are joined only where the break between them was a space (pdfkit shapes
 * text in space-separated pieces, so the glyphs and their advances stay exactly as pdfmake measured them) and
 * only where the next word starts where the previous one ends (a justified line, whose gaps are stretched,
 * keeps its words apart). Anything with a link, decoration, background or page reference is left as it is.
 *
 * Joined, the words after the first are placed by the viewer, glyph after glyph, from the font's widths in the
 * PDF, not by pdfmake's measure; so a word joins the next only where the two agree:
 * - no character spacing: pdfmake counts it between the characters of a word, a viewer after every glyph;
 * - no glyph the font lacks: pdfkit writes the width of .notdef in font units rather than in thousandths of
 *   an em, so a viewer moves on further after it than pdfmake measured (`drawnAsMeasured`, from the runtime).
 */

import { memberProblems } from "./runtime/shape-check.ts";

/** The parts of a pdfmake inline (a laid-out word) this reads. */
export interface Inline {
  text: string;
  x: number;
  width: number;
  [property: string]: unknown;
}
export interface Line {
  inlines: Inline[];
}
export interface LineRenderer {
  renderLine(line: Line, x: number, y: number): void;
}
/** pdfmake's Line, which sets the fields read here. */
export interface LineClass {
  new (maxWidth: number): Line & { addInline(inline: Partial<Inline>): void };
}

/** What pdfmake's renderLine and pdfkit's text() read from an inline besides its text, position and width. */
const LOOK = ["font", "fontSize", "color", "opacity", "characterSpacing", "fontFeatures", "sup", "sub"] as const;
/** Inlines with any of these are drawn as pdfmake draws them. */
const SPECIAL = ["link", "linkToPage", "linkToDestination", "decoration", "background", "_pageNodeRef"] as const;
/** Positions are sums of the same widths; allow for rounding only. */
const EDGE_EPSILON_PT = 1e-6;

function plain(inline: Inline): boolean {
  for (const key of SPECIAL) if (inline[key] !== undefined && inline[key] !== null) return false;
  return true;
}

/** Whether a viewer advances through an inline's glyphs as pdfmake measured them (no .notdef among them). */
export type DrawnAsMeasured = (inline: Inline) => boolean;

function joinable(previous: Inline, next: Inline, drawnAsMeasured: DrawnAsMeasured): boolean {
  if (!previous.text.endsWith(" ") || Math.abs(previous.x + previous.width - next.x) >= EDGE_EPSILON_PT || !plain(next)) return false;
  if (previous.characterSpacing) return false;
  for (const key of LOOK) if (previous[key] !== next[key]) return false;
  return drawnAsMeasured(previous);
}

/** One inline for `inlines[from..to)`: the first one's look and position, the texts and widths added up. */
function joined(inlines: readonly Inline[], from: number, to: number): Inline {
  let text = "";
  let width = 0;
  for (let i = from; i < to; i++) {
    text += inlines[i]!.text;
    width += inlines[i]!.width;
  }
  return { ...inlines[from]!, text, width };
}

/** The inlines of a line with joinable neighbours joined; the same array when nothing joins. */
export function joinInlines(inlines: readonly Inline[], drawnAsMeasured: DrawnAsMeasured = () => true): readonly Inline[] {
  let out: Inline[] | undefined;
  let runStart = 0;
  let runPlain = inlines.length > 0 && plain(inlines[0]!);
  for (let i = 1; i <= inlines.length; i++) {
    if (i < inlines.length && runPlain && joinable(inlines[i - 1]!, inlines[i]!, drawnAsMeasured)) continue;
    // the run [runStart, i) ends here
    if (i - runStart > 1) {
      out ??= inlines.slice(0, runStart);
      out.push(joined(inlines, runStart, i));
    } else out?.push(inlines[runStart]!);
    runStart = i;
    runPlain = i < inlines.length && plain(inlines[i]!);
  }
  return out ?? inlines;
}

/**
 * What the joining relies on: pdfmake's Renderer.renderLine(line, x, y), and lines that hold their words in
 * `inlines`, each with its `text`, `width` and an `x` that is the sum of the widths before it.
 */
export function lineMergingProblems(renderer: LineRenderer, Line: LineClass): string[] {
  const problems = memberProblems("pdfmake Renderer.prototype", renderer, [{ name: "renderLine", kind: "function", arity: 3 }]);
  if (typeof Line !== "function") return [...problems, "pdfmake Line: not found"];
  const line = new Line(100);
  problems.push(...memberProblems("pdfmake Line.prototype", Object.getPrototypeOf(line), [{ name: "addInline", kind: "function", arity: 1 }]));
  if (problems.length > 0) return problems;
  const first = { text: "a ", width: 5 };
  const second = { text: "b", width: 3 };
  line.addInline(first);
  line.addInline(second);
  problems.push(...memberProblems("pdfmake Line instance", line, [{ name: "inlines", kind: "array" }]));
  if (problems.length === 0 && (line.inlines[0] !== first || line.inlines[1] !== second)) problems.push("pdfmake Line instance.inlines: not the words added");
  if ((first as Partial<Inline>).x !== 0 || (second as Partial<Inline>).x !== 5) problems.push("pdfmake Line.prototype.addInline: does not set x from the widths before");
  return problems;
}

/** Installs the joining on pdfmake's Renderer; `enabled` is asked per line (a document may be drawn word by word). */
export function installLineMerging(renderer: LineRenderer, enabled: (line: Line) => boolean, drawnAsMeasured: DrawnAsMeasured): void {
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    const joined = enabled(line) ? joinInlines(line.inlines, drawnAsMeasured) : line.inlines;
    if (joined === line.inlines) return renderLine.call(this, line, x, y);
    const own = line.inlines;
    line.inlines = joined as Inline[];
    try {
      renderLine.call(this, line, x, y);
    } finally {
      line.inlines = own;
    }
  };
}
