/**
 * Who must act on what: for each agency named (after group expansion) as lead (chủ trì) or support
 * (phối hợp), its tasks sorted by due date. Shared by the tracking sheet, the per-agency workbooks and the letters.
 */
import type { Appendix } from "../model/schema.ts";
import { listTasks, type TaskRef } from "../model/refs.ts";
import { readDeadline } from "../model/deadline.ts";
import type { Agency } from "./directory-schema.ts";
import type { AgencyResolver } from "./resolve-cell.ts";
import { cellAgencies } from "./summary.ts";

export type Role = "lead" | "support";

export interface AssignedTask extends TaskRef {
  role: Role;
  /** ISO due date, or undefined for open-ended / unknown deadlines */
  due: string | undefined;
}

export interface AgencyAssignment {
  agency: Agency;
  lead: AssignedTask[];
  support: AssignedTask[];
}

/** The task's due date: the stored one, or derived from the wording. */
export function dueDate(ref: TaskRef, planYear: string): string | undefined {
  if (ref.task.deadline.due) return ref.task.deadline.due;
  const reading = readDeadline(ref.task.deadline.text, Number(planYear));
  return reading.kind === "date" ? reading.due : undefined;
}

/** By due date (undated last), then source order. */
export function byDueDate(a: AssignedTask, b: AssignedTask): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.groupIndex - b.groupIndex || a.taskIndex - b.taskIndex;
}

/** Every agency with something to do, in directory order. */
export function listAssignments(appendix: Appendix, resolver: AgencyResolver): AgencyAssignment[] {
  const byAgency = new Map<string, AgencyAssignment>();
  const leads = new Set<string>(); // "agency|task" pairs already listed as lead
  for (const ref of listTasks(appendix)) {
    const due = dueDate(ref, appendix.planYear);
    for (const role of ["lead", "support"] as const) {
      for (const id of cellAgencies(ref.task[role], resolver)) {
        const agency = resolver.byId.get(id);
        if (!agency) continue; // unknown ids are validation errors (agency/unknown-id)
        let entry = byAgency.get(id);
        if (!entry) byAgency.set(id, (entry = { agency, lead: [], support: [] }));
        // An agency both leading and supporting one task is listed as lead only.
        if (role === "support" && leads.has(`${id}|${ref.key}`)) continue;
        if (role === "lead") leads.add(`${id}|${ref.key}`);
        entry[role].push({ ...ref, role, due });
      }
    }
  }
  const order = resolver.directory.agencies.map((a) => a.id);
  return order
    .filter((id) => byAgency.has(id))
    .map((id) => {
      const entry = byAgency.get(id)!;
      return { ...entry, lead: entry.lead.sort(byDueDate), support: entry.support.sort(byDueDate) };
    });
}

/** Finds an agency by id, name, short name or alias (case and diacritics ignored). */
export function findAgency(query: string, resolver: AgencyResolver): Agency | undefined {
  return resolver.byId.get(query) ?? resolver.byId.get(resolver.resolve(query).agencies[0] ?? "");
}

/**
 * What an agency's packet shows of its assignment: each task with its ref, its group's numeral and title and
 * its due date, in the order the letter lists them. Both the incremental build's fingerprints and
 * `vanban diff` compare this view, so "affected" and "rebuilt" always agree.
 */
export function assignmentView(assignment: AgencyAssignment) {
  const task = (t: AssignedTask) => ({ ref: t.ref, key: t.key, group: [t.group.numeral, t.group.title], task: t.task, due: t.due });
  return { agency: assignment.agency, lead: assignment.lead.map(task), support: assignment.support.map(task) };
}
