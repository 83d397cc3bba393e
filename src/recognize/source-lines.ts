/**
 * The source document as the recognizer reads it: top-level blocks in reading order across sections, and
 * each paragraph as lines (an explicit line break starts a line) with their emphasis. Formats differ only
 * in how much of this they carry (a text scrape has no bold, a DOCX no line:col).
 */
import { textOfRuns, type SourceBlock, type SourceCell, type SourceDocument, type SourceParagraph, type SourcePosition, type SourceRun, type SourceTable } from "../read/source-document.ts";

/** A top-level block and the section it stands in (1-based). */
export interface Item {
  block: SourceBlock;
  section: number;
}

/** Where something was read: the block's position and its section, for diagnostics. */
export interface Located {
  position: SourcePosition;
  section: number;
}

export interface TextLine extends Located {
  /** the line without the spaces (and no-break spaces) around it */
  text: string;
  /** the line as written, tabs and runs of spaces included (tab-aligned headers and signatures) */
  raw: string;
  /** every letter of the line is bold */
  bold: boolean;
  italic: boolean;
  alignment?: SourceParagraph["alignment"];
}

export function itemsOf(document: SourceDocument): Item[] {
  return document.sections.flatMap((section, i) => section.blocks.map((block) => ({ block, section: i + 1 })));
}

/** Trims spaces and no-break spaces at both ends: layout, never wording. */
export function trimText(text: string): string {
  return text.replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, "");
}

/** The lines of a paragraph, each with the emphasis of all its letters (spaces do not count). */
export function linesOf(paragraph: SourceParagraph, section: number): TextLine[] {
  const lines: TextLine[] = [];
  let raw = "";
  let bold = true;
  let italic = true;
  let letters = 0;
  const flush = () => {
    const text = trimText(raw);
    const line: TextLine = { text, raw, bold: letters > 0 && bold, italic: letters > 0 && italic, position: paragraph.position, section };
    if (paragraph.alignment) line.alignment = paragraph.alignment;
    lines.push(line);
    raw = "";
    bold = true;
    italic = true;
    letters = 0;
  };
  for (const run of shownRuns(paragraph)) {
    const pieces = run.text.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      raw += piece;
      if (/[\p{L}\p{N}]/u.test(piece)) {
        letters++;
        bold &&= run.bold === true;
        italic &&= run.italic === true;
      }
    });
  }
  flush();
  return lines;
}

/** The paragraphs of a cell in order, those of tables nested in it included. */
function cellParagraphs(cell: SourceCell): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  const walk = (blocks: readonly SourceBlock[], depth: number) => {
    for (const block of blocks) {
      if (block.kind === "paragraph") out.push(block);
      else if (depth < 8) for (const row of block.rows) for (const inner of row.cells) walk(inner.blocks, depth + 1);
    }
  };
  walk(cell.blocks, 0);
  return out;
}

/** The non-empty lines of a cell. */
export function cellLines(cell: SourceCell, section: number): TextLine[] {
  return cellParagraphs(cell)
    .flatMap((p) => linesOf(p, section))
    .filter((l) => l.text !== "");
}

/** A cell's text as written: its non-empty lines joined by line breaks. */
export function cellText(cell: SourceCell): string {
  return cellLines(cell, 1)
    .map((l) => l.text)
    .join("\n");
}

/**
 * The runs of the text itself: a footnote's reference mark ("1", "[1]") is no part of the wording, and the
 * model holds no footnotes (the recognizer says so once).
 */
function shownRuns(paragraph: SourceParagraph): SourceRun[] {
  return paragraph.runs.some((run) => run.footnote !== undefined) ? paragraph.runs.filter((run) => run.footnote === undefined) : paragraph.runs;
}

/** A paragraph's text on one line: its line breaks read as spaces, trimmed. */
export function oneLine(paragraph: SourceParagraph): string {
  return trimText(textOfRuns(shownRuns(paragraph)).replace(/[\n\t]/g, " ").replace(/ {2,}/g, " "));
}


/** Every letter of the paragraph is bold. */
export function isBold(paragraph: SourceParagraph): boolean {
  const lettered = paragraph.runs.filter((run) => /[\p{L}\p{N}]/u.test(run.text));
  return lettered.length > 0 && lettered.every((run) => run.bold === true);
}

/** The text of every cell of a table, for a search of marks such as the Quốc hiệu. */
export function tableText(table: SourceTable): string {
  return table.rows.flatMap((row) => row.cells.map((cell) => cellText(cell))).join("\n");
}

/** A "(Kèm theo …" line wrapped onto the next: its parenthesis is still open, for at most three lines. */
export function continuesReference(lines: readonly string[]): boolean {
  const text = lines.join(" ");
  return lines.length > 0 && lines.length < 3 && (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}
