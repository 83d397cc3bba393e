import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { columnKey, isTaskAppendix, listTasks, tableEntries, writtenCell } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/** Groups and sub-rows nest at most this deep: real appendices use three or four levels (I / 1 / a / -). */
export const MAX_TABLE_DEPTH = 8;

/**
 * Cells merged down (`span`) cover rows that leave the cell out, and end before the next group row or the
 * table's end; tables nest at most MAX_TABLE_DEPTH levels; every task has its content.
 */
export const checkTableCells: Rule = (decision) => {
  const out: Diagnostic[] = [];
  decision.appendices.forEach((appendix, a) => {
    const entries = tableEntries(appendix, ["appendices", a]);
    const tooDeep = entries.find((e) => e.depth >= MAX_TABLE_DEPTH);
    if (tooDeep) out.push(diagnose("appendix/too-deep", { limit: String(MAX_TABLE_DEPTH) }, { path: tooDeep.path }));
    entries.forEach((entry, i) => {
      if (entry.kind !== "row") return;
      for (const column of appendix.columns) {
        const key = columnKey(column);
        const span = entry.rowSpans.get(key) ?? 1;
        // a row the cell above covers must leave it out: which text would the task have?
        if (span === 0 && writtenCell(entry.row, column) !== "") out.push(diagnose("appendix/span-covered-cell", { column: column.label }, { path: entry.path }));
        if (span > 1) {
          const covered = entries.slice(i + 1, i + span);
          if (covered.length < span - 1 || covered.some((e) => e.kind === "group")) {
            out.push(diagnose("appendix/span-too-long", { column: column.label, span: String(span) }, { path: [...entry.path, "span", key] }));
          }
        }
      }
      for (const key of Object.keys(entry.row.span ?? {})) {
        if (!appendix.columns.some((c) => columnKey(c) === key)) out.push(diagnose("appendix/span-unknown-column", { key }, { path: [...entry.path, "span", key] }));
      }
    });
  });
  for (const task of listTasks(decision)) {
    if (task.task.content.trim() === "" && isTaskAppendix(decision.appendices[task.appendixIndex]!)) out.push(diagnose("appendix/empty-content", { ref: task.ref }, { path: task.path }));
  }
  return out;
};
