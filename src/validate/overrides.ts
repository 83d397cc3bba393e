import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { listTasks } from "../model/refs.ts";
import { readTaskDeadline, sameAgencies } from "../resolve/resolve-decision.ts";
import type { Rule } from "./context.ts";

/**
 * An override pins what the text does not say. It must name a task and the cell as it reads now (else it
 * has outlived the text it was written for), and it must not contradict what the text does say.
 */
export const checkOverrides: Rule = (decision, env) => {
  const tasks = new Map(listTasks(decision).map((t) => [t.ref, t]));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  decision.overrides.forEach((override, i) => {
    const path = ["overrides", i];
    const task = tasks.get(override.task);
    if (!task) return out.push(diagnose("override/unknown-task", { ref: override.task }, { path: [...path, "task"] }));
    const id = `${override.task}|${override.field}`;
    if (seen.has(id)) return out.push(diagnose("override/duplicate", { ref: override.task, field: override.field }, { path }));
    seen.add(id);
    const current = task.task[override.field];
    if (current !== override.text) {
      return out.push(diagnose("override/stale", { ref: override.task, field: override.field, pinned: override.text, current }, { path: [...path, "text"] }));
    }
    if (override.field === "deadline") {
      if (override.due === undefined) return out.push(diagnose("override/missing-value", { field: "due" }, { path }));
      const reading = readTaskDeadline(decision, task, current);
      if (reading.kind === "date" && reading.due !== override.due) {
        out.push(diagnose("override/contradicts", { ref: override.task, field: override.field, text: current, derived: reading.due, pinned: override.due }, { path: [...path, "due"] }));
      } else if (reading.kind === "date") out.push(diagnose("override/redundant", { ref: override.task, field: override.field }, { path }));
      return;
    }
    if (override.agencies === undefined) return out.push(diagnose("override/missing-value", { field: "agencies" }, { path }));
    override.agencies.forEach((agencyId, j) => {
      if (!env.resolver.byId.has(agencyId)) out.push(diagnose("agency/unknown-id", { id: agencyId }, { path: [...path, "agencies", j] }));
    });
    const resolution = env.resolver.resolve(current);
    const fullyResolved = resolution.unresolved.length === 0 && resolution.unspecified.length === 0 && resolution.qualified.length === 0;
    if (fullyResolved && !sameAgencies(resolution.agencies, override.agencies)) {
      out.push(
        diagnose(
          "override/contradicts",
          { ref: override.task, field: override.field, text: current, derived: resolution.agencies.join(", ") || "(none)", pinned: override.agencies.join(", ") || "(none)" },
          { path: [...path, "agencies"] },
        ),
      );
    } else if (fullyResolved) out.push(diagnose("override/redundant", { ref: override.task, field: override.field }, { path }));
    return;
  });
  return out;
};
