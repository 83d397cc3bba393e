import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { listTasks } from "../model/refs.ts";
import type { AgencyCell } from "../model/schema.ts";
import type { Rule } from "./context.ts";

/** Lead and support cells resolve to directory agencies; stored ids exist and agree with the text. */
export const checkAgencies: Rule = (decision, env) => {
  if (!decision.appendix) return [];
  const out: Diagnostic[] = [];
  const checkCell = (cell: AgencyCell, path: (string | number)[], role: "lead" | "support") => {
    const resolution = env.resolver.resolve(cell.text);
    const textPath = [...path, "text"];
    for (const phrase of resolution.unresolved) out.push(diagnose("agency/unresolved", { phrase }, { path: textPath }));
    for (const phrase of resolution.unspecified) out.push(diagnose("agency/unspecified", { phrase }, { path: textPath }));
    for (const q of resolution.qualified) out.push(diagnose("agency/qualified-group", { phrase: q.phrase, group: q.name }, { path: textPath }));
    if (cell.agencies) {
      cell.agencies.forEach((id, i) => {
        if (!env.resolver.byId.has(id)) out.push(diagnose("agency/unknown-id", { id }, { path: [...path, "agencies", i] }));
      });
      const stored = [...cell.agencies].sort().join(", ");
      const resolved = [...resolution.agencies].sort().join(", ");
      if (stored !== resolved) out.push(diagnose("agency/stale", { stored, resolved, text: cell.text }, { path: [...path, "agencies"] }));
    }
    const effective = cell.agencies ?? resolution.agencies;
    if (role === "lead" && effective.length === 0 && resolution.unresolved.length === 0) {
      out.push(diagnose("agency/lead-empty", {}, { path: textPath }));
    }
  };
  for (const { groupIndex, taskIndex, task } of listTasks(decision.appendix)) {
    const path = ["appendix", "groups", groupIndex, "tasks", taskIndex];
    checkCell(task.lead, [...path, "lead"], "lead");
    if (task.support.text.trim() !== "") checkCell(task.support, [...path, "support"], "support");
  }
  return out;
};

/** The agency letters tell to report through ("qua Sở Nội vụ") is one of the directory. */
export const checkReportVia: Rule = (decision, env) => {
  const id = decision.letters?.reportVia;
  if (id === undefined || env.resolver.byId.has(id)) return [];
  return [diagnose("letters/report-via-unknown", { id }, { path: ["letters", "reportVia"] })];
};
