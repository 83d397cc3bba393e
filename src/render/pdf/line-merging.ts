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

const plain = (inline: Inline) => SPECIAL.every((key) => inline[key] === undefined || inline[key] === null);

function joinable(previous: Inline, next: Inline): boolean {
  return (
    previous.text.endsWith(" ") &&
    plain(next) &&
    LOOK.every((key) => previous[key] === next[key]) &&
    Math.abs(previous.x + previous.width - next.x) < EDGE_EPSILON_PT
  );
}

/** The inlines of a line with joinable neighbours joined; the same array when nothing joins. */
export function joinInlines(inlines: readonly Inline[]): readonly Inline[] {
  const out: Inline[] = [];
  let changed = false;
  for (const inline of inlines) {
    const last = out.at(-1);
    if (last && plain(last) && joinable(last, inline)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text, width: last.width + inline.width };
      changed = true;
    } else out.push(inline);
  }
  return changed ? out : inlines;
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
