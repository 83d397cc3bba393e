/**
 * What a workbook shows: every appendix, or only the rows of the tasks one agency leads or supports (with
 * the groups they sit in). Task refs always come from the whole document, so "II.2a" keeps its name when row
 * II.2 is not shown.
 */
import { tableEntries, type TableEntry } from "../../model/refs.ts";
import type { Appendix } from "../../model/schema.ts";
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

export function fullScope(resolved: ResolvedDecision): WorkbookScope {
  return { appendices: resolved.decision.appendices.map((appendix) => ({ appendix, entries: tableEntries(appendix) })), assignments: resolved.assignments };
}

/** Throws on an agency with nothing to do (callers build workbooks only for agencies with assignments). */
export function agencyScope(resolved: ResolvedDecision, agencyId: string): WorkbookScope {
  const assignment = resolved.assignments.find((a) => a.agency.id === agencyId);
  if (!assignment) throw new Error(`agency "${agencyId}" has no task in the document`);
  const rows = new Set([...assignment.lead, ...assignment.support].map((t) => t.row));
  const appendices = resolved.decision.appendices.flatMap((appendix): AppendixView[] => {
    const entries = tableEntries(appendix);
    const shown: TableEntry[] = [];
    // a group is shown when a row under it is: walk back from each shown row to its groups
    const pendingGroups: TableEntry[] = [];
    for (const entry of entries) {
      if (entry.kind === "group") {
        while (pendingGroups.length > 0 && (pendingGroups.at(-1) as Extract<TableEntry, { kind: "group" }>).depth >= entry.depth) pendingGroups.pop();
        pendingGroups.push(entry);
      } else if (rows.has(entry.row)) {
        shown.push(...pendingGroups.splice(0), entry);
      }
    }
    return shown.length > 0 ? [{ appendix, entries: shown }] : [];
  });
  return { appendices, assignments: [assignment], agency: assignment.agency };
}
