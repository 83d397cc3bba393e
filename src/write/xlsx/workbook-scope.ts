/**
 * What a workbook shows: the whole appendix, or only the tasks one agency leads or supports. Task refs
 * always come from the whole appendix, so "II.2a" keeps its name when row II.2 is not shown.
 */
import { listAssignments, type AgencyAssignment } from "../../resolve/assignments.ts";
import { listTasks, type TaskRef } from "../../model/refs.ts";
import type { Appendix, Group } from "../../model/schema.ts";
import type { Agency } from "../../resolve/directory-schema.ts";
import type { AgencyResolver } from "../../resolve/resolve-cell.ts";

/** One group of the Phụ lục with the rows shown under it, in source order. */
interface AppendixSection {
  group: Group;
  tasks: TaskRef[];
}

export interface WorkbookScope {
  appendix: Appendix;
  sections: AppendixSection[];
  /** tracking and summary rows, agencies in directory order */
  assignments: AgencyAssignment[];
  /** set for a per-agency workbook */
  agency?: Agency;
}

function sections(appendix: Appendix, tasks: readonly TaskRef[]): AppendixSection[] {
  const byGroup: AppendixSection[] = appendix.groups.map((group) => ({ group, tasks: [] }));
  for (const task of tasks) byGroup[task.groupIndex]!.tasks.push(task);
  return byGroup;
}

/**
 * listAssignments of one appendix and resolver, computed once: a build renders a workbook per agency, and
 * each would otherwise walk all tasks again (seconds for 10,000 tasks). Keyed by identity; models are not
 * mutated after validation.
 */
const assignmentsMemo = new WeakMap<Appendix, WeakMap<AgencyResolver, AgencyAssignment[]>>();

function assignmentsOf(appendix: Appendix, resolver: AgencyResolver): AgencyAssignment[] {
  let byResolver = assignmentsMemo.get(appendix);
  if (!byResolver) assignmentsMemo.set(appendix, (byResolver = new WeakMap()));
  let assignments = byResolver.get(resolver);
  if (!assignments) byResolver.set(resolver, (assignments = listAssignments(appendix, resolver)));
  return assignments;
}

export function fullScope(appendix: Appendix, resolver: AgencyResolver): WorkbookScope {
  return { appendix, sections: sections(appendix, listTasks(appendix)), assignments: assignmentsOf(appendix, resolver) };
}

/** Throws on an id that is not in the directory (callers validate ids first). */
export function agencyScope(appendix: Appendix, resolver: AgencyResolver, agencyId: string): WorkbookScope {
  const agency = resolver.byId.get(agencyId);
  if (!agency) throw new Error(`unknown agency id "${agencyId}"`);
  const assignment = assignmentsOf(appendix, resolver).find((a) => a.agency.id === agencyId) ?? { agency, lead: [], support: [] };
  const keys = new Set([...assignment.lead, ...assignment.support].map((t) => t.key));
  const shown = listTasks(appendix).filter((t) => keys.has(t.key));
  return {
    appendix,
    // Groups where the agency has nothing to do are left out.
    sections: sections(appendix, shown).filter((s) => s.tasks.length > 0),
    assignments: [assignment],
    agency,
  };
}
