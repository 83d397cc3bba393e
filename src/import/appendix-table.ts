import type { Appendix, Column, ColumnRole, Group, Row } from "../model/schema.ts";
import { COLUMN_HEADERS, columnKeyOf, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from "../recognize/appendix-columns.ts";
import type { ImportContext } from "./context.ts";
import type { Block } from "./scrape-blocks.ts";
import { pathKey, type SourceSpans } from "./source-map.ts";

const HEADING = /^PHỤ LỤC\b/iu;
const ROMAN = /^[IVXLC]+\.?$/;
const TASK_NUMBER = /^\d+[a-zđ]?\.?$/;

function cellText(block: Block): string {
  return block.text;
}

function isRowStart(block: Block): boolean {
  return block.text === "" || ROMAN.test(block.text) || TASK_NUMBER.test(block.text);
}

interface TitleBlock {
  heading: string;
  title: string;
  reference: string;
  headerIndex: number;
}

/** "PHỤ LỤC", the title lines and the "(Ban hành kèm theo …)" line, up to the "STT" header cell. */
function parseTitleBlock(ctx: ImportContext, headingIndex: number, spans: SourceSpans): TitleBlock | undefined {
  const lines = [];
  let i = headingIndex;
  for (; i < ctx.blocks.length; i++) {
    const block = ctx.blocks[i]!;
    if (columnKeyOf(block.text) === "number") break;
    lines.push(...block.lines);
  }
  if (i >= ctx.blocks.length) {
    ctx.reportAtBlock("appendix/header", {}, ctx.blocks[headingIndex]);
    return undefined;
  }
  const [heading, ...rest] = lines;
  const referenceAt = rest.findIndex((l) => l.text.startsWith("("));
  const titleLines = referenceAt >= 0 ? rest.slice(0, referenceAt) : rest;
  const referenceLines = referenceAt >= 0 ? rest.slice(referenceAt) : [];
  if (referenceLines.length === 0) ctx.reportAtBlock("appendix/reference", {}, ctx.blocks[headingIndex]);
  if (titleLines[0]) spans.set(pathKey(["appendices", 0, "title"]), { offset: titleLines[0].offset, length: titleLines[0].text.length });
  return {
    heading: heading!.text,
    title: titleLines.map((l) => l.text).join(" "),
    reference: referenceLines.map((l) => l.text).join(" "),
    headerIndex: i,
  };
}

function parseColumns(ctx: ImportContext, start: number): { columns: Column[]; next: number; ok: boolean } {
  const columns: Column[] = [];
  let ok = true;
  let i = start;
  for (; i < ctx.blocks.length && (i === start || !isRowStart(ctx.blocks[i]!)); i++) {
    const block = ctx.blocks[i]!;
    const label = block.text.replace(/\n/g, " ");
    const key = columnKeyOf(label);
    if (!key) {
      // a column of its own ("Kinh phí (triệu đồng)"), kept by its label as written
      ctx.report("appendix/kept-column", { label }, block.offset, block.text.length);
      columns.push({ label });
    } else if (columns.some((c) => c.role === key)) {
      ctx.report("appendix/duplicate-column", { key, label }, block.offset, block.text.length);
      ok = false;
    } else {
      columns.push({ role: key, label });
    }
  }
  const at = ctx.blocks[start];
  for (const key of REQUIRED_COLUMNS) {
    if (!columns.some((c) => c.role === key)) {
      ctx.reportAtBlock("appendix/missing-column", { key, example: COLUMN_HEADERS[key]![0]!.toUpperCase() }, at);
      ok = false;
    }
  }
  for (const key of OPTIONAL_COLUMNS) {
    if (!columns.some((c) => c.role === key)) ctx.reportAtBlock("appendix/optional-column-absent", { key }, at);
  }
  return { columns, next: i, ok };
}

function rowFromCells(columns: readonly Column[], cells: readonly Block[]): Row {
  const row: Row = { number: "", content: "", rows: [] };
  columns.forEach((column, c) => {
    const text = cellText(cells[c]!);
    if (!column.role) row.cells = { ...row.cells, [column.label]: text };
    else if (column.role === "number") row.number = text;
    else row[column.role as Exclude<ColumnRole, "number">] = text;
  });
  return row;
}

/**
 * The appendix: title block, header row, then group rows (numeral + title) and task rows of one cell per column.
 * Columns are recognised by their header wording, in any order; a row that does not fit is an error, never guessed.
 */
export function parseAppendix(ctx: ImportContext, start: number, spans: SourceSpans, planYear: string): Appendix | undefined {
  const headingIndex = ctx.blocks.findIndex((b, i) => i >= start && HEADING.test(b.text));
  if (headingIndex < 0) {
    ctx.reportAtBlock("appendix/missing", {}, ctx.blocks.at(-1));
    return undefined;
  }
  const title = parseTitleBlock(ctx, headingIndex, spans);
  if (!title) return undefined;
  const { columns, next, ok } = parseColumns(ctx, title.headerIndex);
  if (!ok) return undefined;

  const groups: Group[] = [];
  let i = next;
  let previousRowStart = ctx.blocks[title.headerIndex]!;
  while (i < ctx.blocks.length) {
    const first = ctx.blocks[i]!;
    if (!isRowStart(first)) {
      ctx.report(
        "appendix/row-misaligned",
        {
          found: first.text.split("\n")[0]!.slice(0, 60),
          columns: columns.length,
          labels: columns.map((c) => c.label).join(" | "),
          previousLine: ctx.reportLine(previousRowStart.offset),
        },
        first.offset,
        first.text.split("\n")[0]!.length,
      );
      return undefined;
    }
    previousRowStart = first;
    if (ROMAN.test(first.text)) {
      const titleBlock = ctx.blocks[i + 1];
      const g = groups.length;
      groups.push({ group: first.text.replace(/\.$/, ""), title: titleBlock?.text.replace(/\n/g, " ") ?? "", items: [] });
      spans.set(pathKey(["appendices", 0, "items", g, "group"]), { offset: first.offset, length: first.text.length });
      if (titleBlock) spans.set(pathKey(["appendices", 0, "items", g, "title"]), { offset: titleBlock.offset, length: titleBlock.text.length });
      i += 2;
      continue;
    }
    const cells = ctx.blocks.slice(i, i + columns.length);
    if (cells.length < columns.length) {
      ctx.report("appendix/truncated", { cells: cells.length, columns: columns.length }, first.offset, first.text.length);
      return undefined;
    }
    if (groups.length === 0) {
      ctx.report("appendix/task-outside-group", {}, first.offset, first.text.length);
      groups.push({ group: "", title: "", items: [] });
    }
    const group = groups.at(-1)!;
    const path = ["appendices", 0, "items", groups.length - 1, "items", group.items.length];
    columns.forEach((column, c) => {
      const cell = cells[c]!;
      const field = column.role ? [column.role] : ["cells", column.label];
      spans.set(pathKey([...path, ...field]), { offset: cell.offset, length: cell.text.split("\n")[0]!.length });
    });
    spans.set(pathKey(path), { offset: first.offset, length: first.text.split("\n")[0]!.length });
    group.items.push(rowFromCells(columns, cells));
    i += columns.length;
  }
  if (groups.every((g) => g.items.length === 0)) {
    ctx.reportAtBlock("appendix/no-tasks", {}, ctx.blocks[title.headerIndex]);
    return undefined;
  }
  return { heading: title.heading, title: title.title, reference: title.reference, planYear, columns, items: groups };
}
