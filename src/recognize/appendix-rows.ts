/**
 * The body rows of an appendix table → the model's groups and rows. A group row is a label with the rest of
 * the row one merged title cell (or, in a table that merges nothing, a Roman numeral or capital letter with
 * only its title filled in); groups nest by the kind of their label in the order the kinds first appear
 * (I > 1 > a, or A > I). A cell spanning rows becomes `span` on its first row and is left out of the rows
 * it covers.
 */
import type { Group, Row } from "../model/schema.ts";
import { foldVietnamese } from "../model/text.ts";
import type { TableColumns } from "./appendix-header.ts";
import type { RecognizeContext } from "./context.ts";
import type { GridCell, GridRow } from "./table-grid.ts";

type LabelKind = "letter" | "roman" | "number" | "dotted" | "small" | "none";

const LABEL_KINDS: readonly [RegExp, LabelKind][] = [
  [/^[IVX]+\.?$/u, "roman"],
  [/^[A-HJ-UWYZĐ]\.?$/u, "letter"],
  [/^\d+\.?$/u, "number"],
  [/^\d+(\.\d+)+\.?$/u, "dotted"],
  [/^[a-zđ][.)]?$/u, "small"],
];
/** "I. CẢI CÁCH THỂ CHẾ" in one merged cell: its label and its title */
const LABELLED_TITLE = /^([IVX]+|[A-HJ-UWYZĐ]|\d+(?:\.\d+)*)[.)][\s\u00a0]+(.+)$/su;

/** A group's title on one line, as the importer has always read it */
const oneLineTitle = (text: string) => text.replace(/\s*\n\s*/g, " ");

function kindOf(label: string): LabelKind | undefined {
  if (label === "") return "none";
  return LABEL_KINDS.find(([re]) => re.test(label))?.[1];
}

interface GroupRow {
  kind: "group";
  label: string;
  title: string;
  labelKind: LabelKind;
  at: GridCell;
  titleAt: GridCell;
}

interface ItemRow {
  kind: "item";
  cells: GridRow;
}

type BodyRow = GroupRow | ItemRow;

/** A group row, or undefined for a row of cells. */
function groupOf(row: GridRow, width: number, columns: TableColumns): GroupRow | undefined {
  const first = row.find((cell) => cell.column === 0);
  if (row.length === 1 && first && first.colSpan >= width) {
    const m = LABELLED_TITLE.exec(first.text);
    const label = m ? m[1]! : "";
    return { kind: "group", label, title: oneLineTitle(m ? m[2]! : first.text), labelKind: kindOf(label)!, at: first, titleAt: first };
  }
  if (!first) return undefined;
  const label = first.text.replace(/\.$/, "");
  const labelKind = kindOf(first.text);
  if (!labelKind) return undefined;
  const rest = row.filter((cell) => cell !== first);
  const filled = rest.filter((cell) => cell.text !== "");
  const title = rest[0];
  const mergedAcross = rest.length === 1 && title!.colSpan >= 2 && title!.column + title!.colSpan >= width;
  if (mergedAcross && title!.text !== "") return { kind: "group", label, title: oneLineTitle(title!.text), labelKind, at: first, titleAt: title! };
  // a table that merges nothing: only the title beside a Roman numeral or a capital letter
  const contentColumn = columns.columns.findIndex((column) => column.role === "content");
  const onlyTitle = filled.length === 1 && columns.byGridColumn[filled[0]!.column] === contentColumn && rest.length >= 3;
  if (onlyTitle && (labelKind === "roman" || labelKind === "letter")) return { kind: "group", label, title: oneLineTitle(filled[0]!.text), labelKind, at: first, titleAt: filled[0]! };
  return undefined;
}

const isEmptyRow = (row: GridRow) => row.every((cell) => cell.text === "");

function rowOf(ctx: RecognizeContext, cells: GridRow, columns: TableColumns, spanLimit: number, path: readonly (string | number)[]): Row {
  const row: Row = { number: "", content: "", rows: [] };
  for (const cell of cells) {
    const column = columns.columns[columns.byGridColumn[cell.column] ?? -1];
    if (!column) continue;
    const key = column.role ?? column.label;
    const field = column.role ? [column.role] : ["cells", column.label];
    ctx.mark([...path, ...field], cell);
    if (column.role) {
      const previous = (row[column.role] as string | undefined) ?? "";
      row[column.role] = previous === "" ? cell.text : cell.text === "" ? previous : `${previous}\n${cell.text}`;
    } else row.cells = { ...row.cells, [column.label]: cell.text };
    const span = Math.min(cell.rowSpan, spanLimit);
    if (span > 1) row.span = { ...row.span, [key]: String(span) };
  }
  ctx.mark(path, cells[0]!);
  return row;
}

/** Groups and rows of the body rows, nested; every row is a group, a row, or reported as left out. */
export function readRows(ctx: RecognizeContext, rows: readonly GridRow[], columns: TableColumns, width: number, path: readonly (string | number)[]): (Group | Row)[] {
  const labels = new Set(columns.columns.map((column) => foldVietnamese(column.label)));
  // the header again after a page break, whole or in part
  const repeatsHeader = (row: GridRow) => row.every((cell) => cell.text === "" || labels.has(foldVietnamese(cell.text)));
  const body: BodyRow[] = [];
  for (const row of rows.slice(columns.headerRows)) {
    if (isEmptyRow(row)) {
      if (row[0]) ctx.report("recognize/empty-row", {}, row[0]);
      continue;
    }
    if (repeatsHeader(row)) {
      ctx.report("recognize/repeated-header", {}, row[0]!);
      continue;
    }
    body.push(groupOf(row, width, columns) ?? { kind: "item", cells: row });
  }
  const root: (Group | Row)[] = [];
  const levels: LabelKind[] = [];
  const open: { level: number; group: Group; path: (string | number)[] }[] = [];
  body.forEach((entry, index) => {
    const parent = open.at(-1);
    const items = parent?.group.items ?? root;
    const itemsPath = parent ? [...parent.path, "items"] : [...path];
    if (entry.kind === "item") {
      // a span reaches over the item rows after it, never over a group row
      const longest = Math.max(...entry.cells.map((cell) => cell.rowSpan));
      let following = 1;
      while (following < longest && body[index + following]?.kind === "item") following++;
      items.push(rowOf(ctx, entry.cells, columns, following, [...itemsPath, items.length]));
      return;
    }
    if (!levels.includes(entry.labelKind)) levels.push(entry.labelKind);
    const level = levels.indexOf(entry.labelKind);
    while (open.length > 0 && open.at(-1)!.level >= level) open.pop();
    const container = open.at(-1);
    const target = container?.group.items ?? root;
    const groupPath = [...(container ? [...container.path, "items"] : path), target.length];
    const group: Group = { group: entry.label, title: entry.title, items: [] };
    ctx.mark([...groupPath, "group"], entry.at);
    ctx.mark([...groupPath, "title"], entry.titleAt);
    target.push(group);
    open.push({ level, group, path: groupPath });
  });
  return root;
}
