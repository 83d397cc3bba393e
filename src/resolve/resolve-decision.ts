/**
 * Resolution, a stage of its own: the model as written → the resolved model every later stage reads. Each
 * task gets the agencies its lead and support cells name and the date its deadline means, derived from the
 * text at every build (never stored beside it), with the user's overrides applied where they still match the
 * text they were written for. Agencies no directory lists are made from the cell text, so they still get
 * their letters (the validator warns about each).
 */
import { readDeadline, type DeadlineReading } from "../model/deadline.ts";
import { listTasks, type TaskRef } from "../model/refs.ts";
import type { Decision, Letters, Override, OverrideField } from "../model/schema.ts";
import { slugify } from "../model/text.ts";
import type { Agency, AgencyDirectory } from "./directory-schema.ts";
import type { AgencyResolver } from "./resolve-cell.ts";

export interface ResolvedTask extends TaskRef {
  /** agency ids, directory order (unlisted agencies after) */
  lead: readonly string[];
  support: readonly string[];
  /** ISO due date, or undefined for open-ended or unreadable deadlines */
  due: string | undefined;
}

export type Role = "lead" | "support";

export interface AssignedTask extends ResolvedTask {
  role: Role;
}

export interface AgencyAssignment {
  agency: Agency;
  lead: AssignedTask[];
  support: AssignedTask[];
}

export interface ResolvedDecision {
  decision: Decision;
  directory: AgencyDirectory;
  /** every agency a task names: the directory's and the unlisted ones made from cell text */
  agencies: ReadonlyMap<string, Agency>;
  planYear: number;
  tasks: readonly ResolvedTask[];
  /** every agency with something to do: directory order, then unlisted agencies in order of first mention */
  assignments: readonly AgencyAssignment[];
  /** the letters' copy lines (after "Như trên") with the agencies each names */
  copies: readonly { text: string; agencies: readonly string[] }[];
}

/** The year deadlines refer to: the appendix's, else the document's. */
export function planYearOf(decision: Decision, appendixIndex = 0): number {
  return Number(decision.appendices[appendixIndex]?.planYear ?? decision.document.date.slice(0, 4));
}

/** How a task's deadline reads against the year of its appendix. */
export function readTaskDeadline(decision: Decision, ref: Pick<TaskRef, "appendixIndex">, text: string): DeadlineReading {
  return readDeadline(text, planYearOf(decision, ref.appendixIndex));
}

/** Two lists of agency ids naming the same agencies, in any order. */
export const sameAgencies = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** The override of a task's field that applies: written for the cell as it reads now. */
export function applicableOverride(overrides: readonly Override[], ref: string, field: OverrideField, text: string): Override | undefined {
  return overrides.find((o) => o.task === ref && o.field === field && o.text === text);
}

/** An agency made from the words of a cell: named and addressed as written. */
export function unlistedAgency(phrase: string): Agency {
  return { id: `unlisted-${slugify(phrase)}`, name: phrase, short: phrase, kind: "unlisted", addressee: phrase, aliases: [] };
}

/** By due date (undated last), then source order. */
export function byDueDate(a: AssignedTask, b: AssignedTask): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.order - b.order;
}

export function resolveDecision(decision: Decision, resolver: AgencyResolver): ResolvedDecision {
  const agencies = new Map(resolver.byId);
  const unlistedOrder: string[] = [];
  const cellAgencies = (ref: TaskRef, field: Role): string[] => {
    const text = ref.task[field];
    const pinned = applicableOverride(decision.overrides, ref.ref, field, text);
    if (pinned?.agencies) return pinned.agencies.filter((id) => agencies.has(id));
    const resolution = resolver.resolve(text);
    const unlisted = resolution.unresolved.map((phrase) => {
      const agency = unlistedAgency(phrase);
      if (!agencies.has(agency.id)) agencies.set(agency.id, agency), unlistedOrder.push(agency.id);
      return agency.id;
    });
    return [...resolution.agencies, ...unlisted];
  };
  const tasks = listTasks(decision).map((ref): ResolvedTask => {
    const pinned = applicableOverride(decision.overrides, ref.ref, "deadline", ref.task.deadline);
    const reading = readTaskDeadline(decision, ref, ref.task.deadline);
    const due = pinned?.due ?? (reading.kind === "date" ? reading.due : undefined);
    return { ...ref, lead: cellAgencies(ref, "lead"), support: cellAgencies(ref, "support"), due };
  });
  return {
    decision,
    directory: resolver.directory,
    agencies,
    planYear: planYearOf(decision),
    tasks,
    assignments: assign(tasks, agencies, [...resolver.directory.agencies.map((a) => a.id), ...unlistedOrder]),
    copies: (decision.letters?.copies ?? []).map((text) => ({ text, agencies: resolver.resolve(text).agencies })),
  };
}

function assign(tasks: readonly ResolvedTask[], agencies: ReadonlyMap<string, Agency>, order: readonly string[]): AgencyAssignment[] {
  const byAgency = new Map<string, AgencyAssignment>();
  for (const task of tasks) {
    const leads = new Set(task.lead);
    for (const role of ["lead", "support"] as const) {
      // a cell naming an agency twice ("Sở Nội vụ; các Sở") lists the task once
      for (const id of new Set(task[role])) {
        // An agency both leading and supporting one task is listed as lead only.
        if (role === "support" && leads.has(id)) continue;
        let entry = byAgency.get(id);
        if (!entry) byAgency.set(id, (entry = { agency: agencies.get(id)!, lead: [], support: [] }));
        entry[role].push({ ...task, role });
      }
    }
  }
  return order
    .filter((id) => byAgency.has(id))
    .map((id) => {
      const entry = byAgency.get(id)!;
      return { ...entry, lead: entry.lead.sort(byDueDate), support: entry.support.sort(byDueDate) };
    });
}

/** "Như trên" already names the addressee: a copy line naming only that agency is left out of its own letter. */
export function copiesFor(resolved: ResolvedDecision, agencyId: string): string[] {
  return resolved.copies.filter((copy) => !(copy.agencies.length === 1 && copy.agencies[0] === agencyId)).map((copy) => copy.text);
}

/**
 * A letter's number: the one the văn thư gave that agency, else its place in the register range (letters
 * in the order they are listed), else the one number of every letter (empty: left blank).
 */
export function letterNumber(letters: Letters, assignments: readonly AgencyAssignment[], agencyId: string): string {
  const own = letters.numbers?.byAgency?.[agencyId];
  if (own !== undefined) return own;
  const from = letters.numbers?.from;
  if (from === undefined || from === "") return letters.number;
  return String(Number(from) + assignments.findIndex((a) => a.agency.id === agencyId));
}
