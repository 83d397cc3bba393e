/**
 * An appendix (spec/layout.md §7): "PHỤ LỤC" (+ numeral), its title lines, the "(Kèm theo …)" reference
 * line, and its table, kept whole: a table split across pages (or continued in a second table of the same
 * width) is one appendix.
 */
import type { Appendix } from "../model/schema.ts";
import { readColumns } from "./appendix-header.ts";
import { readRows } from "./appendix-rows.ts";
import { ATTACHED_REFERENCE, isAppendixHeading, isHeaderTable, startsAttachment } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { scrapedTable, startsScrapedTable } from "./scrape-table.ts";
import { continuesReference, oneLine, type Located } from "./source-lines.ts";
import { gridWidth, tableGrid, type GridRow } from "./table-grid.ts";

/** Paragraphs between the reference line and the table that may still belong to the title block. */
const TITLE_WINDOW = 12;

/** "PHỤ LỤC I: DANH SÁCH …" on one line: the heading and the title */
const HEADING_WITH_TITLE = /^(PHỤ\s+LỤC(?:\s+(?:SỐ\s+)?[IVXLC\d]+[a-z]?)?)\s*[:.–-]\s*(.+)$/u;

export function startsAppendix(text: string): boolean {
  return isAppendixHeading(text) || HEADING_WITH_TITLE.test(text);
}

function endsAppendix(ctx: RecognizeContext, index: number): boolean {
  const { block } = ctx.items[index]!;
  if (block.kind === "table") return isHeaderTable(block);
  return startsAppendix(oneLine(block)) || startsAttachment(ctx, index);
}

export function recognizeAppendix(ctx: RecognizeContext, start: number, index: number, planYear: string): Recognized<Appendix | undefined> {
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
    return { value: undefined, next: i };
  }
  // the same table continued after a page break: one more table of the same width
  for (; i < ctx.items.length; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind === "paragraph" && oneLine(block) === "") continue;
    if (block.kind !== "table" || isHeaderTable(block)) break;
    const more = tableGrid(block, section);
    if (gridWidth(more) !== gridWidth(rows)) break;
    rows = [...rows, ...more];
  }
  if (titleLines.length === 0) ctx.report("recognize/appendix-title", { heading }, headingAt);
  if (referenceLines.length === 0) ctx.report("recognize/appendix-reference", { heading }, headingAt);
  const width = gridWidth(rows);
  const columns = readColumns(ctx, rows, width);
  const items = readRows(ctx, rows, columns, width, [...path, "items"]);
  if (titleLines.length === 0) return { value: undefined, next: i };
  return {
    value: { heading, title: titleLines.join(" "), reference: referenceLines.join(" "), planYear, columns: columns.columns, items },
    next: i,
  };
}
