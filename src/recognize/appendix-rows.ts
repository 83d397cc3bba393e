/**
 * The body rows of an appendix table → the model's groups and rows. A group row is a label with the rest of
 * the row one merged title cell (or, in a table that merges nothing, a Roman numeral or capital letter with
 * only its title filled in); groups nest by the kind of their label in the order the kinds first appear
 * (I > 1 > a, or A > I). A cell spanning rows becomes `span` on its first row and is left out of the rows
 * it covers. Rows nest as the model's sub-rows (`rows`) by their STT: "1.1" under "1", a letter under a
 * number, a bullet "-" under the row above, and a row without STT under a row that only heads the ones after
 * it (no lead of its own); any other row without STT is a task of its own, cited "2a" after row 2.
 */
import type { ColumnRole, Group, Row } from "../model/schema.ts";
import { foldVietnamese } from "../model/text.ts";
import { columnKeyOf } from "./appendix-columns.ts";
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

/** The role of the column a cell stands in (undefined for a column kept by its label). */
const roleAt = (columns: TableColumns, cell: GridCell): ColumnRole | undefined => columns.columns[columns.byGridColumn[cell.column] ?? -1]?.role;

/** A group row, or undefined for a row of cells. */
function groupOf(ctx: RecognizeContext, row: GridRow, columns: TableColumns): GroupRow | undefined {
  const first = row.find((cell) => cell.column === 0);
  // a table continued in another width: the row is merged across its own table
  const width = first?.tableWidth ?? 0;
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
  const title = rest[0];
  const mergedAcross = rest.length === 1 && title!.colSpan >= 2 && title!.column + title!.colSpan >= width;
  if (mergedAcross && title!.text !== "") return { kind: "group", label, title: oneLineTitle(title!.text), labelKind, at: first, titleAt: title! };
  if (labelKind !== "roman" && labelKind !== "letter") return undefined;
  // a table that merges nothing: a Roman numeral or a capital letter with its title and no cell of a task
  const filled = rest.filter((cell) => cell.text !== "");
  const titleCell = filled.find((cell) => roleAt(columns, cell) === "content");
  const others = filled.filter((cell) => cell !== titleCell);
  if (!titleCell || rest.length < 3 || others.some((cell) => roleAt(columns, cell) !== undefined)) return undefined;
  // cells of columns kept by their label beside the title (another numbering): a group holds none
  for (const cell of others) ctx.report("recognize/group-cells", { label, text: cell.text.slice(0, 60), column: columns.columns[columns.byGridColumn[cell.column]!]!.label }, cell);
  return { kind: "group", label, title: oneLineTitle(titleCell.text), labelKind, at: first, titleAt: titleCell };
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

/** How a row's STT places it under the rows above it (see the module's comment). */
type Nesting = { kind: "dotted"; parent: string } | { kind: "number" | "letter" | "bullet" | "unnumbered" };

const DOTTED = /^(\d+(?:\.\d+)*)\.\d+$/u;
const LETTER = /^[a-zđ]$/u;
const BULLET = /^[-+•–]/u;

function nestingOf(stt: string, content: string): Nesting {
  const number = stt.trim().replace(/[.)]$/, "");
  const dotted = DOTTED.exec(number);
  if (dotted) return { kind: "dotted", parent: dotted[1]! };
  if (LETTER.test(number)) return { kind: "letter" };
  if (BULLET.test(number) || (number === "" && BULLET.test(content.trim()))) return { kind: "bullet" };
  return { kind: number === "" ? "unnumbered" : "number" };
}

/** Sub-rows nest at most this deep: "III.1.1.1" in a group of groups is as deep as tables go. */
const MAX_SUB_ROW_DEPTH = 6;

interface OpenRow {
  row: Row;
  path: (string | number)[];
  nesting: Nesting;
}

/**
 * The row a new row is a sub-row of, among the open rows (the last row of the group and the sub-rows down to
 * the last one, outermost first); undefined for a row of the group.
 */
function parentOf(open: readonly OpenRow[], nesting: Nesting, hasLead: boolean): number | undefined {
  const innermost = (test: (o: OpenRow) => boolean) => {
    for (let k = open.length - 1; k >= 0; k--) if (test(open[k]!)) return k;
    return undefined;
  };
  const bare = (o: OpenRow) => o.row.number.trim().replace(/[.)]$/, "");
  switch (nesting.kind) {
    case "dotted":
      return innermost((o) => bare(o) === nesting.parent);
    case "letter":
      return innermost((o) => o.nesting.kind === "number" || o.nesting.kind === "dotted");
    case "bullet":
      return innermost((o) => o.nesting.kind !== "bullet");
    case "unnumbered": {
      // beside the sub-rows of a row, or under a row that heads the ones after it: no lead of its own
      const last = innermost((o) => o.nesting.kind !== "bullet");
      if (last === undefined) return undefined;
      if (last > 0) return last - 1;
      const head = open[last]!;
      return head.nesting.kind !== "unnumbered" && hasLead && (head.row.lead ?? "") === "" ? last : undefined;
    }
    case "number":
      return undefined;
  }
}

/** Groups and rows of the body rows, nested; every row is a group, a row, or reported as left out. */
export function readRows(ctx: RecognizeContext, rows: readonly GridRow[], columns: TableColumns, path: readonly (string | number)[]): (Group | Row)[] {
  const labels = new Set(columns.columns.map((column) => foldVietnamese(column.label)));
  // the header again after a page break, whole or in part, or a group's own header row worded otherwise
  // ("Nội dung" over "Nhiệm vụ, giải pháp"): header wordings, each in the column of its role
  const repeatsHeader = (row: GridRow) => {
    const filled = row.filter((cell) => cell.text !== "");
    if (filled.every((cell) => labels.has(foldVietnamese(cell.text)))) return true;
    return filled.length >= 2 && filled.every((cell) => roleAt(columns, cell) !== undefined && columnKeyOf(oneLineTitle(cell.text)) === roleAt(columns, cell));
  };
  const hasLead = columns.columns.some((column) => column.role === "lead");
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
    body.push(groupOf(ctx, row, columns) ?? { kind: "item", cells: row });
  }
  const root: (Group | Row)[] = [];
  const levels: LabelKind[] = [];
  const open: { level: number; group: Group; path: (string | number)[] }[] = [];
  let openRows: OpenRow[] = [];
  body.forEach((entry, index) => {
    const parent = open.at(-1);
    const items = parent?.group.items ?? root;
    const itemsPath = parent ? [...parent.path, "items"] : [...path];
    if (entry.kind === "item") {
      // a span reaches over the item rows after it, never over a group row
      const longest = Math.max(...entry.cells.map((cell) => cell.rowSpan));
      let following = 1;
      while (following < longest && body[index + following]?.kind === "item") following++;
      const textOf = (role: ColumnRole) => entry.cells.find((cell) => roleAt(columns, cell) === role)?.text ?? "";
      const nesting = nestingOf(textOf("number"), textOf("content"));
      // a hostile table's STT "1.1.1.1…" nests no deeper than a table is read (nor the stack goes)
      const under = Math.min(parentOf(openRows, nesting, hasLead) ?? -1, MAX_SUB_ROW_DEPTH - 1);
      const host = under < 0 ? undefined : openRows[under]!;
      const rowPath = host ? [...host.path, "rows", host.row.rows.length] : [...itemsPath, items.length];
      const row = rowOf(ctx, entry.cells, columns, following, rowPath);
      (host ? host.row.rows : items).push(row);
      openRows = [...openRows.slice(0, under + 1), { row, path: rowPath, nesting }];
      return;
    }
    openRows = [];
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
