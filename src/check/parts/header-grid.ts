/**
 * The header grid (spec §2), found by content: the first table holding the Quốc hiệu. The cell with the
 * Quốc hiệu holds the Tiêu ngữ and its line; the other cell of that row holds the agency lines (parent
 * body, issuer) and the issuer line; "Số:", the place-date line and a "V/v" line may sit in any row.
 * The Quốc hiệu and the Tiêu ngữ are found as lines: Word users often put both in one paragraph with a
 * line break (Shift+Enter), and draw the Tiêu ngữ's line as its underline.
 */
import { drawnLineAfter, type DrawnLine, type Flow } from "../geometry.ts";
import { cellInnerTwips, type Block, type Cell, type Table } from "../../read/docx/ooxml/blocks.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import {
  isBlank,
  linesOf,
  MOTTO_PATTERN,
  NATIONAL_NAME_PATTERN,
  normalise,
  NUMBER_PATTERN,
  PLACE_DATE_PATTERN,
  SUBJECT_LINE_PATTERN,
  type TextLine,
} from "./text.ts";

/** A paragraph of the grid with its row (0-based) and cell. */
export interface GridParagraph {
  paragraph: Paragraph;
  row: number;
  cell: Cell;
}

export interface HeaderGridPart {
  table: Table;
  nationalCell: Cell;
  issuerCell?: Cell;
  /** HDR-PARENT lines (may be none) */
  parent: TextLine[];
  /** HDR-ISSUER lines */
  issuer: TextLine[];
  issuerLine?: DrawnLine;
  nationalName: TextLine;
  motto?: TextLine;
  mottoLine?: DrawnLine;
  number?: GridParagraph;
  placeDate?: GridParagraph;
  /** TITLE-VV: "V/v …" */
  subjectLine?: GridParagraph;
}

const cellFlow = (cell: Cell): Flow => ({ paragraphs: cell.paragraphs, boxTwips: cellInnerTwips(cell) });

const LOCALITY = /^(TỈNH|THÀNH PHỐ|TP\.|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)(?![\p{L}\p{N}])/u;

/** Whether a line continues the name on the line before (a locality, or a name wrapped after "VÀ" or ","). */
const continuesName = (line: string, previous: string): boolean =>
  LOCALITY.test(line) || /^VÀ\s/u.test(line) || /(\sVÀ|,|-)$/u.test(previous) || /^\p{Ll}/u.test(line);

/**
 * Agency lines → parent body and issuer, by wording: each line that does not continue the one before
 * starts a new body; the last body is the issuer, those above it are its parents
 * ("UBND TỈNH QUẢNG NAM" / "SỞ NỘI VỤ"), while "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM" is one issuer.
 */
function splitAgency(lines: TextLine[]): { parent: TextLine[]; issuer: TextLine[] } {
  let lastStart = 0;
  lines.forEach((line, i) => {
    if (i > 0 && !continuesName(line.text, lines[i - 1]!.text)) lastStart = i;
  });
  return { parent: lines.slice(0, lastStart), issuer: lines.slice(lastStart) };
}

const isHeaderLine = (p: Paragraph) => [NUMBER_PATTERN, SUBJECT_LINE_PATTERN, PLACE_DATE_PATTERN].some((re) => re.test(normalise(p.text)));

function agencyLines(cell: Cell): { lines: TextLine[]; line?: DrawnLine } {
  const flow = cellFlow(cell);
  const lines: TextLine[] = [];
  for (const p of cell.paragraphs) {
    if (isHeaderLine(p)) break;
    if (isBlank(p)) continue;
    lines.push(...linesOf(p));
    const line = drawnLineAfter(flow, p);
    if (line) return { lines, line };
  }
  return { lines };
}

function findInTable(table: Table, test: (p: Paragraph) => boolean): GridParagraph | undefined {
  for (const [row, r] of table.rows.entries()) {
    for (const cell of r.cells) {
      const paragraph = cell.paragraphs.find(test);
      if (paragraph) return { paragraph, row, cell };
    }
  }
  return undefined;
}

const matches = (re: RegExp) => (p: Paragraph) => re.test(normalise(p.text));

/**
 * The line of a paragraph that reads `re`: one of its lines, else the whole paragraph as one line (a
 * Quốc hiệu broken across two lines still is one, which HDR-QH then reports).
 */
function lineMatching(p: Paragraph, re: RegExp): TextLine | undefined {
  const line = linesOf(p).find((l) => re.test(l.text));
  if (line) return line;
  return re.test(normalise(p.text)) ? { paragraph: p, text: normalise(p.text), runs: linesOf(p).flatMap((l) => l.runs) } : undefined;
}

function findLine(cell: Cell, re: RegExp): TextLine | undefined {
  for (const p of cell.paragraphs) {
    const line = lineMatching(p, re);
    if (line) return line;
  }
  return undefined;
}

export function findHeaderGrid(blocks: readonly Block[]): HeaderGridPart | undefined {
  for (const block of blocks) {
    if (block.kind !== "table") continue;
    for (const [row, r] of block.table.rows.entries()) {
      for (const cell of r.cells) {
        const national = findLine(cell, NATIONAL_NAME_PATTERN);
        if (national) return readGrid(block.table, row, cell, national);
      }
    }
  }
  return undefined;
}

function readGrid(table: Table, row: number, nationalCell: Cell, nationalName: TextLine): HeaderGridPart {
  const issuerCell = table.rows[row]!.cells.find((c) => c !== nationalCell);
  const motto = findLine(nationalCell, MOTTO_PATTERN);
  const grid: HeaderGridPart = { table, nationalCell, nationalName, parent: [], issuer: [] };
  if (issuerCell) {
    grid.issuerCell = issuerCell;
    const agency = agencyLines(issuerCell);
    Object.assign(grid, splitAgency(agency.lines));
    if (agency.line) grid.issuerLine = agency.line;
  }
  if (motto) {
    grid.motto = motto;
    const line = drawnLineAfter(cellFlow(nationalCell), motto.paragraph);
    if (line) grid.mottoLine = line;
  }
  const number = findInTable(table, matches(NUMBER_PATTERN));
  if (number) grid.number = number;
  const placeDate = findInTable(table, matches(PLACE_DATE_PATTERN));
  if (placeDate) grid.placeDate = placeDate;
  const subjectLine = findInTable(table, matches(SUBJECT_LINE_PATTERN));
  if (subjectLine) grid.subjectLine = subjectLine;
  return grid;
}
