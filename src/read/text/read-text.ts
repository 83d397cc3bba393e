/**
 * Scraped text as a source document, in the two forms the legal-text sites give:
 * - plain text (hethongphapluat, crawlers' text): one paragraph per line, GitHub-style pipe tables;
 * - thuvienphapluat markdown (any line holding only "|", or `**`): paragraphs wrapped over several lines,
 *   separated by blank lines; in table cells, and in a scrape without any blank line, a line continues the
 *   one above when it starts in lower case (not a point label "a)"), or with a number that is no item
 *   number after a line without final punctuation, or when the one above ends on a word no sentence ends on
 *   ("của", "và") or leaves an emphasis open; tables
 *   of "|" lines, `**bold**` and `*italic*`, headings "#" without their marks.
 * In both, footnote marks "[1]" pair with the paragraph starting "[1]" that follows them (in order, so
 * duplicate numbers pair up too), and a crawler's "[Link: …]" noise is dropped. Every block keeps its
 * line and column.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../../diagnostics/rules.ts";
import type { SourceBlock, SourceDocument, SourceFootnote, SourceParagraph, SourceTable } from "../source-document.ts";
import { joinRuns, textOfRuns } from "../source-document.ts";
import { parseCellBarTables } from "./cell-bar-table.ts";
import { leavesEmphasisOpen, parseInline, type ParsedRun } from "./inline-markup.ts";
import { firstColumn, isBlank, isCellBar, isPipeRow, splitLines, type Line } from "./lines.ts";
import { parsePipeTable } from "./pipe-table.ts";
import type { TextTable } from "./text-table.ts";

/** A markdown heading line ("## Văn bản liên quan"; a bare "#" is an empty one). */
const HEADING = /^[ \t]*#{1,6}(?:[ \t]+|$)/;

/** A wrapped line goes on in lower case; a point label "a)" or "đ." starts a paragraph of its own. */
const CONTINUES = /^\p{Ll}/u;
const POINT_LABEL = /^\p{Ll}[).]\s/u;
/** "912/QĐ-BKHCN ngày …" goes on after "Quyết định số"; "2. Yêu cầu" and "1.2)" are items of their own. */
const NUMBER = /^\d/;
const ITEM_NUMBER = /^\d+(?:\.\d+)*[.)](?:\s|$)/;
const FINAL_PUNCTUATION = /[.;:!?…]\**\s*$/;
/**
 * Words no sentence or heading ends on: a line that stops at one goes on below, in upper case too ("… quy định
 * chi tiết một số điều của" / "Luật Phòng thủ dân sự …").
 */
const OPEN_ENDING = /(?:^|[\s*])(?:của|và|về|cho|với|theo|tại|trong|các|những|để|hoặc|là|được|bởi|từ|đến|giữa|như|vào|thuộc)\**\s*$/iu;

function continuesParagraph(previous: readonly Line[], line: Line): boolean {
  const text = line.text.trimStart();
  const above = previous.map((l) => l.text).join(" ");
  if (leavesEmphasisOpen(above)) return true;
  if (CONTINUES.test(text)) return !POINT_LABEL.test(text);
  if (OPEN_ENDING.test(above)) return !ITEM_NUMBER.test(text);
  return NUMBER.test(text) && !ITEM_NUMBER.test(text) && !FINAL_PUNCTUATION.test(above);
}

function paragraphOf(lines: readonly Line[], markdown: boolean): SourceParagraph | undefined {
  const joined = lines.map((l) => (markdown ? l.text.trim() : l.text.replace(/^[ \t]+|[ \t]+$/g, ""))).join(" ");
  const runs: ParsedRun[] = parseInline(joined, markdown);
  if (/^[ \t]*$/.test(textOfRuns(runs))) return undefined;
  return { kind: "paragraph", text: textOfRuns(runs), runs, position: { line: lines[0]!.number, column: firstColumn(lines[0]!) } };
}

interface TextForm {
  markdown: boolean;
  /** no blank line anywhere: nothing but a table's width says where it ends */
  withoutBlankLines: boolean;
}

function tableOf(table: TextTable, form: TextForm): SourceTable {
  return {
    kind: "table",
    position: table.position,
    rows: table.rows.map((cells) => ({
      cells: cells.map((cell) => ({ rowSpan: cell.rowSpan, colSpan: cell.colSpan, blocks: blocksOf(cell.lines, form, true), position: cell.position })),
    })),
  };
}

function blocksOf(lines: readonly Line[], form: TextForm, inCell: boolean): SourceBlock[] {
  const { markdown } = form;
  // blank lines separate paragraphs, so every line between them is a wrap; a cell has none of them
  const wrapsToBlankLine = markdown && !form.withoutBlankLines && !inCell;
  const blocks: SourceBlock[] = [];
  let paragraph: Line[] = [];
  const flush = () => {
    const block = paragraph.length > 0 ? paragraphOf(paragraph, markdown) : undefined;
    if (block) blocks.push(block);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const table = markdown && isCellBar(line) ? parseCellBarTables(lines, i, form.withoutBlankLines) : isPipeRow(line) ? parsePipeTable(lines, i) : undefined;
    if (table) {
      flush();
      for (const piece of table.pieces) blocks.push(...(piece.kind === "table" ? [tableOf(piece.table, form)] : blocksOf(piece.lines, form, false)));
      i = table.next;
      continue;
    }
    const heading = markdown ? line.text.match(HEADING) : null;
    if (heading) {
      // a heading is a paragraph of its own, without its marks
      flush();
      paragraph.push({ number: line.number, text: " ".repeat(heading[0].length) + line.text.slice(heading[0].length) });
      flush();
      i++;
      continue;
    }
    if (isBlank(line) || !markdown || (paragraph.length > 0 && !wrapsToBlankLine && !continuesParagraph(paragraph, line))) flush();
    if (!isBlank(line)) paragraph.push(line);
    i++;
  }
  flush();
  return blocks;
}

/** Pairs footnote marks with the definitions after them; drops definitions from the flow into `footnotes`. */
class FootnotePairing {
  readonly footnotes: SourceFootnote[] = [];
  private readonly pending = new Map<string, ParsedRun[]>();

  blocks(blocks: readonly SourceBlock[]): SourceBlock[] {
    return blocks.flatMap((block): SourceBlock[] => {
      if (block.kind === "table") {
        for (const row of block.rows) for (const cell of row.cells) cell.blocks = this.blocks(cell.blocks);
        return [block];
      }
      return this.paragraph(block) ? [] : [block];
    });
  }

  /** True when the paragraph is a footnote's text. */
  private paragraph(paragraph: SourceParagraph): boolean {
    const runs = paragraph.runs as ParsedRun[];
    const mark = runs[0]?.noteMark;
    const reference = mark === undefined ? undefined : this.pending.get(mark)?.shift();
    if (mark !== undefined && reference) {
      const id = this.footnotes.length + 1;
      reference.footnote = id;
      const text = runs.slice(1);
      if (text[0]) text[0].text = text[0].text.replace(/^[ \t]+/, "");
      this.footnotes.push({ id, mark, blocks: [{ ...paragraph, runs: text, text: textOfRuns(text) }] });
      return true;
    }
    for (const run of runs) if (run.noteMark !== undefined) this.pending.set(run.noteMark, [...(this.pending.get(run.noteMark) ?? []), run]);
    return false;
  }
}

/** Runs as the document keeps them: marks without a footnote are text again, runs of the same look joined. */
function finishRuns(blocks: readonly SourceBlock[]): void {
  for (const block of blocks) {
    if (block.kind === "table") {
      for (const row of block.rows) for (const cell of row.cells) finishRuns(cell.blocks);
      continue;
    }
    const joined = joinRuns((block.runs as ParsedRun[]).flatMap(({ noteMark: _mark, ...run }) => (run.text === "" ? [] : [run])));
    block.runs = joined;
    block.text = textOfRuns(joined);
  }
}

export function readTextSource(text: string, place: Place = {}): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const lines = splitLines(text);
  // the empty "line" after a final line break is no blank line
  const withoutBlankLines = !lines.slice(0, lines.at(-1)?.text === "" ? -1 : undefined).some(isBlank);
  const form = { markdown: lines.some(isCellBar) || text.includes("**"), withoutBlankLines };
  const pairing = new FootnotePairing();
  const blocks = pairing.blocks(blocksOf(lines, form, false));
  if (blocks.length === 0) return { diagnostics: [diagnose("read/no-content", { format: "text" }, place)] };
  finishRuns(blocks);
  for (const note of pairing.footnotes) finishRuns(note.blocks);
  return { document: { format: "text", sections: [{ page: {}, blocks }], footnotes: pairing.footnotes }, diagnostics: [] };
}
