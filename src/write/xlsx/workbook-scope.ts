/**
 * What a workbook shows: every appendix, or only the rows of the tasks one agency leads or supports (with
 * the groups they sit in). Task refs always come from the whole document, so "II.2a" keeps its name when row
 * II.2 is not shown.
 */
import { tableEntries, type TableEntry } from "../../model/refs.ts";
import type { Appendix, Row } from "../../model/schema.ts";
import type { Agency } from "../../resolve/directory-schema.ts";
import type { AgencyAssignment, ResolvedDecision } from "../../resolve/resolve-decision.ts";

/** One appendix with the entries shown of it, in source order. */
export interface AppendixView {
  appendix: Appendix;
  entries: TableEntry[];
}

export interface WorkbookScope {
  appendices: AppendixView[];
  /** tracking and summary rows, agencies in the order of the letters */
  assignments: readonly AgencyAssignment[];
  /** set for a per-agency workbook */
  agency?: Agency;
}

/** Each appendix's entries, where each row stands and the groups above it: computed once per resolved model. */
interface AppendixIndex {
  appendix: Appendix;
  entries: TableEntry[];
  /** entry index of each row, and the entry indices of the groups it sits in */
  rows: Map<Row, { at: number; groups: number[] }>;
}

const indexMemo = new WeakMap<ResolvedDecision, AppendixIndex[]>();

function indexOf(resolved: ResolvedDecision): AppendixIndex[] {
  let index = indexMemo.get(resolved);
  if (index) return index;
  index = resolved.decision.appendices.map((appendix) => {
    const entries = tableEntries(appendix);
    const rows = new Map<Row, { at: number; groups: number[] }>();
    const open: { depth: number; at: number }[] = [];
    entries.forEach((entry, at) => {
      if (entry.kind === "group") {
        while (open.length > 0 && open.at(-1)!.depth >= entry.depth) open.pop();
        open.push({ depth: entry.depth, at });
      } else rows.set(entry.row, { at, groups: open.map((g) => g.at) });
    });
    return { appendix, entries, rows };
  });
  indexMemo.set(resolved, index);
  return index;
}

export function fullScope(resolved: ResolvedDecision): WorkbookScope {
  return { appendices: indexOf(resolved).map(({ appendix, entries }) => ({ appendix, entries })), assignments: resolved.assignments };
}

/**
 * Throws on an agency with nothing to do (callers build workbooks only for agencies with assignments). Walks
 * only the agency's own rows, so a build's per-agency workbooks cost agencies + tasks, not agencies × tasks.
 */
export function agencyScope(resolved: ResolvedDecision, agencyId: string): WorkbookScope {
  const assignment = resolved.assignments.find((a) => a.agency.id === agencyId);
  if (!assignment) throw new Error(`agency "${agencyId}" has no task in the document`);
  const tasks = [...assignment.lead, ...assignment.support];
  const appendices = indexOf(resolved).flatMap(({ appendix, entries, rows }, a): AppendixView[] => {
    const shown = new Set<number>();
    for (const task of tasks) {
      if (task.appendixIndex !== a) continue;
      const place = rows.get(task.row)!;
      for (const g of place.groups) shown.add(g);
      shown.add(place.at);
    }
    return shown.size > 0 ? [{ appendix, entries: [...shown].sort((x, y) => x - y).map((i) => entries[i]!) }] : [];
  });
  return { appendices, assignments: [assignment], agency: assignment.agency };
}
