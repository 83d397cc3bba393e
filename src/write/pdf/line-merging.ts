/**
 * Draws the words of a line that look the same and sit edge to edge as one piece of text. pdfmake draws every
 * word by itself (its own TODO: "lines without differently styled inlines should be written to pdf as one
 * stream"), and each draw costs pdfkit a text object with its font, colour, opacity and position: the larger
 * part of writing a letter. Words are joined only where the break between them was a space (pdfkit shapes
 * text in space-separated pieces, so the glyphs and their advances stay exactly as pdfmake measured them) and
 * only where the next word starts where the previous one ends (a justified line, whose gaps are stretched,
 * keeps its words apart). Anything with a link, decoration, background or page reference is left as it is.
 */

/** The parts of a pdfmake inline (a laid-out word) this reads. */
interface Inline {
  text: string;
  x: number;
  width: number;
  [property: string]: unknown;
}
interface Line {
  inlines: Inline[];
}
export interface LineRenderer {
  renderLine(line: Line, x: number, y: number): void;
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

function joinable(previous: Inline, next: Inline): boolean {
  if (!previous.text.endsWith(" ") || Math.abs(previous.x + previous.width - next.x) >= EDGE_EPSILON_PT || !plain(next)) return false;
  for (const key of LOOK) if (previous[key] !== next[key]) return false;
  return true;
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
export function joinInlines(inlines: readonly Inline[]): readonly Inline[] {
  let out: Inline[] | undefined;
  let runStart = 0;
  let runPlain = inlines.length > 0 && plain(inlines[0]!);
  for (let i = 1; i <= inlines.length; i++) {
    if (i < inlines.length && runPlain && joinable(inlines[i - 1]!, inlines[i]!)) continue;
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

/** Installs the joining on pdfmake's Renderer; `enabled` is asked per line (tests compare against pdfmake's own drawing). */
export function installLineMerging(renderer: LineRenderer, enabled: () => boolean): void {
  const renderLine = renderer.renderLine;
  renderer.renderLine = function (this: unknown, line: Line, x: number, y: number) {
    const joined = enabled() ? joinInlines(line.inlines) : line.inlines;
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
