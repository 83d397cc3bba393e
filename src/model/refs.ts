/**
 * An appendix read as a table and as a list of tasks: the rows in the order written with their depth and the
 * cells merged down into them, and every task with the ref letters cite it by. Refs follow the numbering as
 * written ("II.3", "III.1.1", "II.2a" for a row without STT); where the written numbering repeats (two groups
 * "VI") the refs of that appendix are positional instead, so that no two tasks of a document share a ref.
 */
import { isGroup, type Appendix, type Column, type ColumnRole, type Decision, type Group, type Row } from "./schema.ts";

/** Vietnamese point letters (BODY-POINT): no f, j, w, z. */
export const POINT_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function toRoman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, symbol] of ROMAN) while (rest >= value) (out += symbol), (rest -= value);
  return out;
}

/** How a row's cells and a row's `span` name a column: its role, or its label for a column without one. */
export const columnKey = (column: Column): string => column.role ?? column.label;

/** A task appendix assigns work: it has a lead column. Other tables (units, indicators) make no letters. */
export const isTaskAppendix = (appendix: Appendix): boolean => appendix.columns.some((c) => c.role === "lead");

/** The cell of a row in a column, as written in that row (empty when the row leaves it out). */
export function writtenCell(row: Row, column: Column): string {
  if (!column.role) return row.cells?.[column.label] ?? "";
  return (column.role === "number" ? row.number : row[column.role]) ?? "";
}

/** Where a part sits in the model, for diagnostics: ["appendices", 0, "items", 3, "items", 1]. */
export type ModelPath = (string | number)[];

export type TableEntry =
  | { kind: "group"; group: Group; depth: number; path: ModelPath }
  | {
      kind: "row";
      row: Row;
      path: ModelPath;
      /** 0 for a row of a group, 1 for its sub-rows, … */
      depth: number;
      /** rows each cell covers, by column key: 1, or more for a cell merged down; 0 for a cell covered from above */
      rowSpans: ReadonlyMap<string, number>;
      /** the text each column shows in this row: its own, or that of the cell merged down over it */
      shown: ReadonlyMap<string, string>;
    };

/** The appendix's groups and rows in the order written, with the cells merged down (`span`) marked. */
export function tableEntries(appendix: Appendix, appendixPath: ModelPath = []): TableEntry[] {
  const entries: TableEntry[] = [];
  const coveredFor = new Map<string, { rows: number; text: string }>(); // column key → the cell merged down over the next rows
  const visitRow = (row: Row, depth: number, path: ModelPath) => {
    const rowSpans = new Map<string, number>();
    const shown = new Map<string, string>();
    for (const column of appendix.columns) {
      const key = columnKey(column);
      const covered = coveredFor.get(key);
      if (covered && covered.rows > 0) {
        rowSpans.set(key, 0);
        shown.set(key, covered.text);
        covered.rows--;
        continue;
      }
      const span = Number(row.span?.[key] ?? 1);
      const text = writtenCell(row, column);
      rowSpans.set(key, span);
      shown.set(key, text);
      if (span > 1) coveredFor.set(key, { rows: span - 1, text });
    }
    entries.push({ kind: "row", row, depth, rowSpans, shown, path });
    row.rows.forEach((sub, i) => visitRow(sub, depth + 1, [...path, "rows", i]));
  };
  const visit = (items: readonly (Group | Row)[], depth: number, path: ModelPath) => {
    items.forEach((item, i) => {
      const itemPath = [...path, "items", i];
      if (isGroup(item)) {
        // a merged cell ends where a group row starts
        coveredFor.clear();
        entries.push({ kind: "group", group: item, depth, path: itemPath });
        visit(item.items, depth + 1, itemPath);
      } else visitRow(item, 0, itemPath);
    });
  };
  visit(appendix.items, 0, appendixPath);
  return entries;
}

/** The cells a task is read by: as written, merged down from a row above, or given by the row it is a sub-row of. */
export type TaskCells = Record<Exclude<ColumnRole, "number">, string> & { number: string };

export interface TaskRef {
  appendixIndex: number;
  /** the groups the task sits in, outermost first */
  groups: readonly Group[];
  row: Row;
  /** the row in the model, for diagnostics */
  path: ModelPath;
  task: TaskCells;
  /** How letters and the tracking sheet cite the task: "II.3"; unique in the document. */
  ref: string;
  /** Stable key by position, for ids: "a1.t12" */
  key: string;
  /** source order among all tasks of the document */
  order: number;
}

const EMPTY_CELLS: TaskCells = { number: "", content: "", product: "", lead: "", support: "", deadline: "", result: "", funding: "", followUp: "", notes: "" };

/** Labels as refs use them: "I." → "I". */
const bare = (label: string) => label.trim().replace(/[.)]+$/, "");

interface Located {
  groups: Group[];
  row: Row;
  path: ModelPath;
  cells: TaskCells;
  written: string;
  positional: string;
}

/** The tasks of one appendix: the rows without sub-rows, with written and positional refs. */
function locateTasks(appendix: Appendix, appendixPath: ModelPath): Located[] {
  const located: Located[] = [];
  const roles = appendix.columns.filter((c) => c.role).map((c) => c.role!);
  const entries = tableEntries(appendix, appendixPath);
  const rowEntry = new Map(entries.flatMap((e) => (e.kind === "row" ? [[e.row, e] as const] : [])));

  const cellsOf = (row: Row, inherited: TaskCells): TaskCells => {
    const entry = rowEntry.get(row)!;
    const cells = { ...inherited, number: row.number };
    for (const role of roles) {
      const text = entry.shown.get(role) ?? "";
      // a sub-row that leaves a cell empty takes its parent row's
      if (text !== "" || entry.rowSpans.get(role) === 0) cells[role] = text;
    }
    return cells;
  };

  const visitRows = (rows: readonly Row[], groups: Group[], prefix: { written: string; positional: string }, inherited: TaskCells, sub: boolean) => {
    // rows numbered 1, 2, 2, 3: that group's rows are cited by position
    const numbers = rows.map((r) => bare(r.number)).filter(Boolean);
    const byPosition = new Set(numbers).size !== numbers.length;
    let lastNumber = "";
    let suffix = 0;
    let position = 0;
    for (const row of rows) {
      const cells = cellsOf(row, inherited);
      position++;
      let written: string;
      const number = bare(row.number);
      if (number !== "") {
        // "III.1.1" under group "III" > "1": the STT already carries the group labels
        const base = prefix.written.split(".").filter(Boolean);
        const joined = base.length > 0 && number.startsWith(`${base.at(-1)}.`) ? [...base.slice(0, -1), number] : [...base, number];
        written = joined.join(".");
        lastNumber = written;
        suffix = 0;
      } else {
        // "II.2a" after row II.2; a first sub-row without STT under II.2 is "II.2a" too
        const letter = POINT_LETTERS[suffix] ?? String(suffix + 1);
        written = lastNumber !== "" || sub ? `${lastNumber || prefix.written}${letter}` : [prefix.written, letter].filter(Boolean).join(".");
        suffix++;
      }
      const positional = sub ? `${prefix.positional}${POINT_LETTERS[position - 1] ?? String(position)}` : [prefix.positional, String(position)].filter(Boolean).join(".");
      if (byPosition) written = sub ? `${prefix.written}${POINT_LETTERS[position - 1] ?? String(position)}` : [prefix.written, String(position)].filter(Boolean).join(".");
      if (row.rows.length === 0) located.push({ groups, row, path: rowEntry.get(row)!.path, cells, written, positional });
      else visitRows(row.rows, groups, { written, positional }, cells, true);
    }
  };

  const visitItems = (items: readonly (Group | Row)[], groups: Group[], prefix: { written: string; positional: string }) => {
    const rows: Row[] = [];
    let groupPosition = 0;
    // two sibling groups labelled "VI": the groups of this level are cited by position (I, II, … at the top)
    const labels = items.filter(isGroup).map((g) => bare(g.group));
    const byPosition = new Set(labels).size !== labels.length;
    const flushRows = () => {
      if (rows.length > 0) visitRows(rows.splice(0), groups, prefix, EMPTY_CELLS, false);
    };
    for (const item of items) {
      if (!isGroup(item)) {
        rows.push(item);
        continue;
      }
      flushRows();
      groupPosition++;
      const positionalLabel = groups.length === 0 ? toRoman(groupPosition) : String(groupPosition);
      const label = byPosition ? positionalLabel : bare(item.group);
      const written = label === "" ? prefix.written : label.includes(".") || prefix.written === "" ? label : `${prefix.written}.${label}`;
      visitItems(item.items, [...groups, item], { written, positional: [prefix.positional, positionalLabel].filter(Boolean).join(".") });
    }
    flushRows();
  };

  visitItems(appendix.items, [], { written: "", positional: "" });
  return located;
}

/** The numeral of "PHỤ LỤC II", or the appendix's position. */
export function appendixLabel(appendix: Appendix, index: number): string {
  // after a space: "LỤC" ends in a C, which is a Roman numeral too
  return /\s([IVXLC]+|\d+)$/u.exec(appendix.heading.trim())?.[1] ?? toRoman(index + 1);
}

/** Every task of the decision's task appendices in source order, each with a ref unique in the document. */
export function listTasks(decision: Pick<Decision, "appendices">): TaskRef[] {
  const taskAppendices = decision.appendices.map((appendix, index) => ({ appendix, index })).filter(({ appendix }) => isTaskAppendix(appendix));
  const refs: TaskRef[] = [];
  for (const { appendix, index } of taskAppendices) {
    const located = locateTasks(appendix, ["appendices", index]);
    const written = located.map((l) => l.written);
    // what repeats across levels ("1.1" in group 1 and row 1 of sub-group 1): the whole appendix by position
    const repeats = new Set(written).size !== written.length;
    // With several task appendices, "I.1" of Phụ lục II is "PLII.I.1".
    const prefix = taskAppendices.length > 1 ? `PL${appendixLabel(appendix, index)}.` : "";
    located.forEach((l, i) => {
      refs.push({
        appendixIndex: index,
        groups: l.groups,
        row: l.row,
        path: l.path,
        task: l.cells,
        ref: prefix + (repeats ? l.positional : l.written),
        key: `a${index + 1}.t${i + 1}`,
        order: refs.length,
      });
    });
  }
  return refs;
}

/** The innermost group of a task, as written ("I", "CẢI CÁCH THỂ CHẾ"), or empty for a task outside groups. */
export function innermostGroup(ref: Pick<TaskRef, "groups">): { label: string; title: string } {
  const group = ref.groups.at(-1);
  return group ? { label: group.group, title: group.title } : { label: "", title: "" };
}
