/**
 * An appendix table flattened by a scrape (hethongphapluat): one cell per paragraph in reading order, the
 * header cells first. Lines next to each other (no blank line between) are one cell; a line holding only a
 * no-break space is an empty cell. The header ends at the first cell that starts a row (empty, a Roman
 * numeral, a number, a sub-row's "1.1", "a" or "-"); a Roman numeral or capital letter and the cell after it are a group row, any other
 * row takes one cell per column. The rows come out as a grid, like a table's.
 */
import type { SourceParagraph } from "../read/source-document.ts";
import { columnKeyOf } from "./appendix-columns.ts";
import { isAppendixHeading } from "./boundaries.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import type { GridCell, GridRow } from "./table-grid.ts";
import { trimText } from "./source-lines.ts";

const GROUP_LABEL = /^([IVX]+|[A-HJ-UWYZĐ])\.?$/u;
/** what the STT of a row holds: empty, a group label, "2", "2a", a sub-row's "1.1", "a)" or bullet "-" */
const ROW_START = /^(|[IVX]+\.?|[A-HJ-UWYZĐ]\.?|\d+(?:\.\d+)*[a-zđ]?\.?|[a-zđ][.)]?|[-+])$/u;

/** Paragraphs from `start` as cells: adjacent lines joined, up to a table or the next appendix heading. */
function scrapedCells(ctx: RecognizeContext, start: number): { cells: GridCell[]; next: number } {
  const cells: GridCell[] = [];
  let lastLine = -2;
  let i = start;
  for (; i < ctx.items.length; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind !== "paragraph" || !("line" in block.position)) break;
    const text = trimText(block.text);
    if (isAppendixHeading(text)) break;
    const previous = cells.at(-1);
    if (previous && block.position.line === lastLine + 1 && text !== "" && previous.text !== "") previous.text += `\n${text}`;
    else cells.push({ text, column: 0, rowSpan: 1, colSpan: 1, bold: false, tableWidth: 0, position: block.position, section });
    lastLine = block.position.line;
  }
  return { cells, next: i };
}

/** True when the paragraph at `index` is a scrape's first header cell ("STT"). */
export function startsScrapedTable(ctx: RecognizeContext, index: number): boolean {
  const block = ctx.items[index]?.block;
  return block?.kind === "paragraph" && "line" in block.position && columnKeyOf(trimText((block as SourceParagraph).text)) === "number";
}

export function scrapedTable(ctx: RecognizeContext, start: number): Recognized<GridRow[] | undefined> {
  const { cells, next } = scrapedCells(ctx, start);
  let width = 1;
  while (width < cells.length && !ROW_START.test(cells[width]!.text)) width++;
  for (const cell of cells) cell.tableWidth = width;
  const header = cells.slice(0, width).map((cell, c): GridCell => ({ ...cell, column: c }));
  const rows: GridRow[] = [header];
  const lineOf = (cell: GridCell) => ("line" in cell.position ? cell.position.line : 0);
  for (let k = width; k < cells.length; ) {
    const first = cells[k]!;
    if (!ROW_START.test(first.text)) {
      const previousLine = lineOf(rows.at(-1)![0]!);
      ctx.report("recognize/scrape-row-misaligned", { found: first.text.split("\n")[0]!.slice(0, 60), columns: width, previousLine }, first);
      return { value: undefined, next };
    }
    const title = cells[k + 1];
    if (GROUP_LABEL.test(first.text) && title) {
      rows.push([first, { ...title, column: 1, colSpan: width - 1 }]);
      k += 2;
      continue;
    }
    const row = cells.slice(k, k + width);
    if (row.length < width) {
      ctx.report("recognize/scrape-row-truncated", { cells: row.length, columns: width }, first);
      return { value: undefined, next };
    }
    rows.push(row.map((cell, c) => ({ ...cell, column: c })));
    k += width;
  }
  return { value: rows, next };
}
