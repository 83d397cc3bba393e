/**
 * An appendix (spec/layout.md §7): "PHỤ LỤC" (+ numeral), its title lines, the "(Kèm theo …)" reference
 * line, and its table, kept whole: a table split across pages (or continued in a second table of the same
 * width) is one appendix.
 */
import type { Appendix } from "../model/schema.ts";
import type { SourceTable } from "../read/source-document.ts";
import { readColumns } from "./appendix-header.ts";
import { readRows } from "./appendix-rows.ts";
import { ATTACHED_REFERENCE, isAppendixHeading, isHeaderTable, startsAttachment, startsHeadedList } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { scrapedTable, startsScrapedTable } from "./scrape-table.ts";
import { continuesReference, oneLine, type Located } from "./source-lines.ts";
import { gridWidth, tableGrid, type GridRow } from "./table-grid.ts";

/** Paragraphs between the reference line and the table that may still belong to the title block. */
const TITLE_WINDOW = 12;
/** The first cell of a body row: a group or row label ("B", "IV", "1.1", "2a") */
const ROW_LABEL = /^([IVX]+|[A-HJ-UWYZĐ]|\d+(\.\d+)*[a-zđ]?)\.?$/u;
/** Tables under sub-headings of one appendix, and the lines of such a sub-heading. */
const MAX_SUB_TABLES = 50;
const MAX_SUB_HEADING_LINES = 3;

/** "PHỤ LỤC I: DANH SÁCH …" on one line: the heading and the title */
const HEADING_WITH_TITLE = /^(PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?[IVXLC\d]+[a-z]?)?)\s*[:.–-]\s*(.+)$/u;

/** "PHỤ LỤC", "PHỤ LỤC II: …", or a list headed "DANH SÁCH" with its "(Kèm theo …)" line. */
export function startsAppendix(ctx: RecognizeContext, index: number): boolean {
  const { block } = ctx.items[index]!;
  if (block.kind !== "paragraph") return false;
  const text = oneLine(block);
  return isAppendixHeading(text) || HEADING_WITH_TITLE.test(text) || startsHeadedList(ctx, index);
}

function endsAppendix(ctx: RecognizeContext, index: number): boolean {
  const { block } = ctx.items[index]!;
  if (block.kind === "table") return isHeaderTable(block);
  return startsAppendix(ctx, index) || startsAttachment(ctx, index);
}

export function recognizeAppendix(ctx: RecognizeContext, start: number, index: number, planYear: string): Recognized<Appendix[]> {
  const headingItem = ctx.items[start]!;
  const headingAt: Located = { position: headingItem.block.position, section: headingItem.section };
  const first = headingItem.block.kind === "paragraph" ? oneLine(headingItem.block) : "";
  const joined = HEADING_WITH_TITLE.exec(first);
  const heading = joined ? joined[1]! : first;
  const titleLines: string[] = joined ? [joined[2]!] : [];
  const referenceLines: string[] = [];
  const path = ["appendices", index];
  let i = start + 1;
  let rows: GridRow[] | undefined;
  for (; i < ctx.items.length && i <= start + TITLE_WINDOW; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") {
      rows = tableGrid(block, section);
      i++;
      break;
    }
    if (startsScrapedTable(ctx, i)) {
      const scraped = scrapedTable(ctx, i);
      rows = scraped.value;
      i = scraped.next;
      break;
    }
    if (endsAppendix(ctx, i)) break;
    const text = oneLine(block);
    if (text === "") continue;
    const at = { position: block.position, section };
    if (continuesReference(referenceLines)) referenceLines.push(text);
    else if (ATTACHED_REFERENCE.test(text) && referenceLines.length === 0) {
      ctx.mark([...path, "reference"], at);
      referenceLines.push(text);
    } else if (referenceLines.length === 0) {
      if (titleLines.length === 0) ctx.mark([...path, "title"], at);
      titleLines.push(text);
    } else ctx.report("recognize/appendix-text", { text: text.slice(0, 60) }, at);
  }
  ctx.mark([...path, "heading"], headingAt);
  if (!rows) {
    ctx.report("recognize/appendix-no-table", { heading }, headingAt);
    return { value: [], next: i };
  }
  if (titleLines.length === 0) ctx.report("recognize/appendix-title", { heading }, headingAt);
  if (referenceLines.length === 0) ctx.report("recognize/appendix-reference", { heading }, headingAt);
  const reference = referenceLines.join(" ");
  const main = continued(ctx, i, rows);
  const appendices = titleLines.length > 0 ? [tableAppendix(ctx, main.rows, { heading, title: titleLines.join(" "), reference, planYear }, path)] : [];
  i = main.next;
  // more tables under sub-headings ("II. CHỈ TIÊU CỤ THỂ"): each an appendix of its own, titled by its sub-heading
  for (let more = 0; more < MAX_SUB_TABLES; more++) {
    const sub = subHeading(ctx, i);
    if (!sub) break;
    ctx.report("recognize/appendix-split", { heading, title: sub.title }, sub.at);
    const next = continued(ctx, sub.table + 1, tableGrid(ctx.items[sub.table]!.block as SourceTable, ctx.items[sub.table]!.section));
    appendices.push(tableAppendix(ctx, next.rows, { heading, title: sub.title, reference, planYear }, ["appendices", index + appendices.length]));
    i = next.next;
  }
  return { value: appendices, next: i };
}

/** A line of dots where a site leaves part of the document out ("…................................."). */
const ELISION = /^[…．.·\s]{3,}$/u;

/**
 * The rows of a table continued after a page break: more tables of the same width right after it, or after
 * the mark of a part the site left out (reported: rows are missing there).
 */
function continued(ctx: RecognizeContext, start: number, rows: GridRow[]): { rows: GridRow[]; next: number } {
  let all = rows;
  let i = start;
  for (; i < ctx.items.length; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "paragraph" && oneLine(block) === "") continue;
    if (block.kind === "paragraph" && ELISION.test(oneLine(block)) && ctx.items[i + 1]?.block.kind === "table") {
      ctx.report("recognize/elided", { text: oneLine(block).slice(0, 20) }, { position: block.position, section });
      continue;
    }
    if (block.kind !== "table" || isHeaderTable(block)) break;
    const more = tableGrid(block, section);
    // a scrape may give the rest of a table another width; its rows still start with their labels
    if (gridWidth(more) !== gridWidth(rows) && !ROW_LABEL.test(more[0]?.[0]?.text ?? "")) break;
    all = [...all, ...more];
  }
  return { rows: all, next: i };
}

/** A few short lines and then a table: a sub-heading of the appendix over a table of its own. */
function subHeading(ctx: RecognizeContext, start: number): { title: string; at: Located; table: number } | undefined {
  const lines: string[] = [];
  let at: Located | undefined;
  for (let i = start; i < ctx.items.length && lines.length <= MAX_SUB_HEADING_LINES; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "table") return lines.length > 0 && !isHeaderTable(block) ? { title: lines.join(" "), at: at!, table: i } : undefined;
    if (endsAppendix(ctx, i)) return undefined;
    const text = oneLine(block);
    if (text === "") continue;
    at ??= { position: block.position, section };
    lines.push(text);
  }
  return undefined;
}

function tableAppendix(ctx: RecognizeContext, rows: GridRow[], head: Omit<Appendix, "columns" | "items">, path: (string | number)[]): Appendix {
  const width = gridWidth(rows);
  const columns = readColumns(ctx, rows, width, path);
  const items = readRows(ctx, rows, columns, [...path, "items"]);
  return { ...head, columns: columns.columns, items };
}
