/**
 * Drops the overrides that only repeat what the text says: schema 1 stored the resolved ids and due dates of
 * every cell, and a migrated model keeps only those the text does not give (model/migrate.ts).
 */
import { listTasks } from "../model/refs.ts";
import type { Decision, Override } from "../model/schema.ts";
import type { AgencyResolver } from "./resolve-cell.ts";
import { readTaskDeadline, sameAgencies } from "./resolve-decision.ts";

export function withoutRedundantOverrides(decision: Decision, resolver: AgencyResolver): Decision {
  const tasks = new Map(listTasks(decision).map((t) => [t.ref, t]));
  const redundant = (o: Override): boolean => {
    const task = tasks.get(o.task);
    if (!task || task.task[o.field] !== o.text) return false;
    if (o.field === "deadline") {
      const reading = readTaskDeadline(decision, task, o.text);
      return reading.kind === "date" && reading.due === o.due;
    }
    const resolution = resolver.resolve(o.text);
    return resolution.unresolved.length === 0 && sameAgencies(resolution.agencies, o.agencies ?? []);
  };
  return { ...decision, overrides: decision.overrides.filter((o) => !redundant(o)) };
}
