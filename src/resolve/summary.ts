import { listTasks } from "../model/refs.ts";
import type { Decision } from "../model/schema.ts";
import type { AgencyResolver } from "./resolve-cell.ts";

export interface DecisionSummary {
  document: string;
  groups: number;
  tasks: number;
  /** distinct agencies named as lead or support after group expansion */
  agencies: number;
  unresolvedPhrases: string[];
}

/** Agencies of a cell: the stored ids, or the resolution of the text. */
export function cellAgencies(cell: { text: string; agencies?: string[] | undefined }, resolver: AgencyResolver): string[] {
  return cell.agencies ?? resolver.resolve(cell.text).agencies;
}

export function summarize(decision: Decision, resolver: AgencyResolver): DecisionSummary {
  const tasks = decision.appendix ? listTasks(decision.appendix) : [];
  const agencies = new Set<string>();
  const unresolved = new Set<string>();
  for (const { task } of tasks) {
    for (const cell of [task.lead, task.support]) {
      for (const id of cellAgencies(cell, resolver)) agencies.add(id);
      for (const phrase of resolver.resolve(cell.text).unresolved) unresolved.add(phrase);
    }
  }
  return {
    document: `${decision.document.number}/${decision.document.symbol} (${decision.document.date})`,
    groups: decision.appendix?.groups.length ?? 0,
    tasks: tasks.length,
    agencies: agencies.size,
    unresolvedPhrases: [...unresolved],
  };
}
