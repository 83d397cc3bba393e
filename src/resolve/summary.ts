/**
 * What a model holds, for `validate --json`, `import --json` and `build --json` (a stable shape scripts may
 * rely on: fields are added, never renamed) and for the one-line summary the commands print.
 */
import { isTaskAppendix, tableEntries } from "../model/refs.ts";
import type { ResolvedDecision } from "./resolve-decision.ts";

export interface AppendixSummary {
  heading: string;
  title: string;
  /** "tasks": it has a lead column, its rows are assignments; "table": a list (units, indicators, comments) */
  kind: "tasks" | "table";
  /** the column labels as written */
  columns: string[];
  /** group rows at every level */
  groups: number;
  /** rows with an STT */
  numbered: number;
  /** every row, sub-rows included */
  rows: number;
}

export interface DecisionSummary {
  document: { type: string; number: string; symbol: string; date: string };
  /** capacity: the signature's lines above the name as written ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") */
  signer: { name: string; capacity: string[] };
  appendices: AppendixSummary[];
  /** tasks of the task appendices */
  tasks: number;
  agencies: {
    /** distinct agencies of the directory named as lead or support, after group expansion */
    resolved: number;
    /** agencies no directory lists, by the name made from the cell text */
    unlisted: string[];
  };
}

export function summarize(resolved: ResolvedDecision): DecisionSummary {
  const { decision } = resolved;
  const named = [...new Set(resolved.tasks.flatMap((t) => [...t.lead, ...t.support]))].map((id) => resolved.agencies.get(id)!);
  const { type, number, symbol, date } = decision.document;
  return {
    document: { type, number, symbol, date },
    signer: { name: decision.signer.name, capacity: [...decision.signer.lines] },
    appendices: decision.appendices.map((appendix): AppendixSummary => {
      const entries = tableEntries(appendix);
      const rows = entries.flatMap((entry) => (entry.kind === "row" ? [entry.row] : []));
      return {
        heading: appendix.heading,
        title: appendix.title,
        kind: isTaskAppendix(appendix) ? "tasks" : "table",
        columns: appendix.columns.map((column) => column.label),
        groups: entries.length - rows.length,
        numbered: rows.filter((row) => row.number.trim() !== "").length,
        rows: rows.length,
      };
    }),
    tasks: resolved.tasks.length,
    agencies: { resolved: named.filter((a) => a.kind !== "unlisted").length, unlisted: named.filter((a) => a.kind === "unlisted").map((a) => a.name) },
  };
}

/** "503/QĐ-UBND (2013-02-06): 1 appendices, 37 tasks, 41 agencies", and the agencies no directory lists. */
export function summaryLine(summary: DecisionSummary): string {
  const { number, symbol, date } = summary.document;
  const { resolved, unlisted } = summary.agencies;
  const counts = `${summary.appendices.length} appendices, ${summary.tasks} tasks, ${resolved + unlisted.length} agencies`;
  return `${number}/${symbol} (${date}): ${counts}${unlisted.length ? `, in no directory: ${unlisted.map((p) => `"${p}"`).join(", ")}` : ""}`;
}
