/**
 * Measures the checker needs: text widths with Times New Roman metrics (Tinos, no kerning, as Word sets
 * text), the lines a paragraph wraps into, and the drawn lines under a text (HDR-TN-LINE,
 * HDR-ISSUER-LINE, TITLE-LINE, APX-REF): an empty paragraph's bottom border between its indents, or a
 * line shape (under a column of a tab-aligned line: the shape under that column).
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { Section } from "../read/docx/ooxml/document.ts";
import type { Paragraph } from "../read/docx/ooxml/paragraphs.ts";
import type { LineShape } from "../read/docx/ooxml/shapes.ts";
import { centreOf, COLUMN_CENTRE_TOLERANCE_TWIPS, runWidthPt, type Placed } from "./columns.ts";
import { isBlank, type TextLine } from "./parts/text.ts";

/** Paragraphs sharing one box: a section's text width, or a table cell's inner width. */
export interface Flow {
  paragraphs: readonly Paragraph[];
  boxTwips: number;
}

export interface DrawnLine {
  /** "underline": the text's own underline, as Word users draw the line under the Tiêu ngữ */
  kind: "border" | "shape" | "underline";
  lengthTwips: number;
  solid: boolean;
  /** undefined when the position cannot be told from the file (a floating VML line) */
  centred: boolean | undefined;
  paragraph: Paragraph;
}

/** Width between a section's margins, gutter included. */
export function sectionTextWidthTwips(section: Section): number {
  const { widthTwips = 0 } = section.page;
  const { left = 0, right = 0, gutter } = section.margins;
  return widthTwips - left - right - gutter;
}

/** A section's top-level paragraphs, in its text width. */
export const sectionFlow = (section: Section): Flow => ({
  paragraphs: section.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : [])),
  boxTwips: sectionTextWidthTwips(section),
});

/** Centring tolerance: 1 mm between the left and right free space. */
const CENTRE_TOLERANCE_TWIPS = 57;
const NO_BORDER = new Set(["none", "nil"]);


/** Width of a line of text in points, each run in its own face and size. */
export function textWidthPt(line: Pick<TextLine, "runs">, measurer: TextMeasurer): number {
  return line.runs.reduce((sum, run) => sum + runWidthPt(run, run.text, measurer), 0);
}

/** The widths of the lines `line` wraps into in a box `boxPt` wide (greedy, at spaces). */
export function wrappedWidthsPt(line: Pick<TextLine, "runs">, boxPt: number, measurer: TextMeasurer): number[] {
  const widths: number[] = [];
  let used = 0;
  let space = 0;
  let word = 0;
  const endWord = () => {
    if (word === 0) return;
    if (used > 0 && used + space + word > boxPt) {
      widths.push(used);
      used = word;
    } else used += (used > 0 ? space : 0) + word;
    space = 0;
    word = 0;
  };
  for (const run of line.runs) {
    for (const piece of run.text.match(/\s+|\S+/gu) ?? []) {
      if (/^\s/u.test(piece)) {
        endWord();
        space += runWidthPt(run, piece, measurer);
      } else word += runWidthPt(run, piece, measurer);
    }
  }
  endWord();
  if (used > 0) widths.push(used);
  return widths;
}

function borderLine(p: Paragraph, boxTwips: number): DrawnLine | undefined {
  const border = p.format.borders.bottom ?? (isBlank(p) ? p.format.borders.top : undefined);
  if (border === undefined || NO_BORDER.has(border.style)) return undefined;
  const { indentLeftTwips: left, indentRightTwips: right } = p.format;
  return {
    kind: "border",
    lengthTwips: boxTwips - left - right,
    solid: border.style === "single" || border.style === "thick",
    centred: Math.abs(left - right) <= CENTRE_TOLERANCE_TWIPS,
    paragraph: p,
  };
}

/** Where a floating shape starts across the column, when the file says. */
const shapeStart = (shape: LineShape): number | undefined =>
  shape.anchored && shape.horizontal?.offsetTwips !== undefined && ["column", "margin"].includes(shape.horizontal.relativeFrom) ? shape.horizontal.offsetTwips : undefined;

/** The line under a column of a tab-aligned line: the placed shape nearest the column's text, centred on it or not. */
function columnShapeLine(p: Paragraph, under: Placed): DrawnLine | undefined {
  const placed = p.lines.flatMap((shape) => {
    const start = shapeStart(shape);
    return start === undefined ? [] : [{ shape, centre: start + shape.lengthTwips / 2 }];
  });
  const target = centreOf(under);
  const nearest = placed.sort((a, b) => Math.abs(a.centre - target) - Math.abs(b.centre - target))[0];
  if (!nearest || nearest.centre < under.startTwips || nearest.centre > under.endTwips) return undefined;
  return { kind: "shape", lengthTwips: nearest.shape.lengthTwips, solid: !nearest.shape.dashed, centred: Math.abs(nearest.centre - target) <= COLUMN_CENTRE_TOLERANCE_TWIPS, paragraph: p };
}

function shapeLine(p: Paragraph, boxTwips: number, under?: Placed): DrawnLine | undefined {
  if (under) return columnShapeLine(p, under);
  const shape = p.lines[0];
  if (shape === undefined) return undefined;
  const free = boxTwips - shape.lengthTwips;
  let centred: boolean | undefined;
  if (!shape.anchored) {
    centred = p.format.alignment === "center" && Math.abs(p.format.indentLeftTwips - p.format.indentRightTwips) <= CENTRE_TOLERANCE_TWIPS;
  } else if (shape.horizontal?.align !== undefined) {
    centred = shape.horizontal.align === "center" && shape.horizontal.relativeFrom !== "page";
  } else if (shape.horizontal?.offsetTwips !== undefined && shape.horizontal.relativeFrom === "column") {
    centred = Math.abs(shape.horizontal.offsetTwips - free / 2) <= CENTRE_TOLERANCE_TWIPS;
  }
  return { kind: "shape", lengthTwips: shape.lengthTwips, solid: !shape.dashed, centred, paragraph: p };
}

/**
 * The line drawn under `p`: a shape or bottom border on `p` itself, or on the empty paragraphs that
 * follow it in its flow (stopping at the next paragraph with text). `under`: a column of `p`, whose line
 * is the shape placed under it (a border spans the whole paragraph, no column).
 */
export function drawnLineAfter(flow: Flow, p: Paragraph, under?: Placed): DrawnLine | undefined {
  const start = flow.paragraphs.indexOf(p);
  if (start < 0) return undefined;
  const lineOf = (q: Paragraph) => shapeLine(q, flow.boxTwips, under) ?? (under ? undefined : borderLine(q, flow.boxTwips));
  const own = lineOf(p);
  if (own) return own;
  for (const next of flow.paragraphs.slice(start + 1)) {
    if (!isBlank(next)) return undefined;
    const line = lineOf(next);
    if (line) return line;
  }
  return undefined;
}
