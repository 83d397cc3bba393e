import { diagnose } from "../diagnostics/rules.ts";
import { readDeadline } from "../model/deadline.ts";
import { listTasks } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/** Every deadline reads as a due date of the plan year, or is open-ended; a stored `due` agrees with it. */
export const checkDeadlines: Rule = (decision) => {
  if (!decision.appendix) return [];
  const year = Number(decision.appendix.planYear);
  return listTasks(decision.appendix).flatMap(({ groupIndex, taskIndex, task }) => {
    const base = ["appendix", "groups", groupIndex, "tasks", taskIndex, "deadline"];
    const reading = readDeadline(task.deadline.text, year);
    if (reading.kind === "empty" && !task.deadline.due) return [diagnose("deadline/empty", {}, { path: [...base, "text"] })];
    if (reading.kind === "unknown" && !task.deadline.due) {
      return [diagnose("deadline/unknown-form", { text: task.deadline.text }, { path: [...base, "text"] })];
    }
    if (reading.kind === "date" && task.deadline.due && task.deadline.due !== reading.due) {
      return [diagnose("deadline/due-mismatch", { due: task.deadline.due, derived: reading.due, text: task.deadline.text }, { path: [...base, "due"] })];
    }
    return [];
  });
};
