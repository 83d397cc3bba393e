import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { columnKey, isTaskAppendix, listTasks, tableEntries, writtenCell } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/**
 * Cells merged down (`span`) cover rows that leave the cell out, and end before the next group row or the
 * table's end; every task has its content.
 */
export const checkTableCells: Rule = (decision) => {
  const out: Diagnostic[] = [];
  decision.appendices.forEach((appendix, a) => {
    const entries = tableEntries(appendix, ["appendices", a]);
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
