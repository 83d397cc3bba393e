import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { earliestIssueDay } from "../model/dates.ts";
import { listTasks } from "../model/refs.ts";
import { applicableOverride, readTaskDeadline } from "../resolve/resolve-decision.ts";
import { cellPath } from "./agencies.ts";
import type { Rule } from "./context.ts";

/** Every deadline reads as a due date, is open-ended, or is pinned by an override; none falls before the document. */
export const checkDeadlines: Rule = (decision) => {
  const issued = earliestIssueDay(decision.document.date);
  const out: Diagnostic[] = [];
  for (const ref of listTasks(decision)) {
    const path = cellPath(ref, "deadline");
    const text = ref.task.deadline;
    const pinned = applicableOverride(decision.overrides, ref.ref, "deadline", text)?.due;
    const reading = readTaskDeadline(decision, ref, text);
    if (reading.kind === "empty" && !pinned) out.push(diagnose("deadline/empty", { ref: ref.ref }, { path }));
    else if (reading.kind === "unknown" && !pinned) out.push(diagnose("deadline/unknown-form", { text }, { path }));
    const due = pinned ?? (reading.kind === "date" ? reading.due : undefined);
    if (due !== undefined && due < issued) out.push(diagnose("deadline/before-issue", { ref: ref.ref, text, due, issued }, { path }));
  }
  return out;
};
