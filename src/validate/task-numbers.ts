import { diagnose } from "../diagnostics/rules.ts";
import { listTasks } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/** Empty STT cells are kept and cited as "II.2a"; numbered rows run 1, 2, 3 within a group. */
export const checkTaskNumbers: Rule = (decision) => {
  if (!decision.appendix) return [];
  const expectedNext = new Map<number, number>();
  return listTasks(decision.appendix).flatMap(({ groupIndex, taskIndex, task, ref, effectiveNumber }) => {
    const path = ["appendix", "groups", groupIndex, "tasks", taskIndex, "number"];
    const expected = expectedNext.get(groupIndex) ?? 1;
    if (task.number.trim() === "") {
      const previous = effectiveNumber.replace(/\D+$/, "") || "(none)";
      return [diagnose("appendix/empty-number", { previous, ref, fixed: effectiveNumber }, { path, fix: { path, from: task.number, to: effectiveNumber } })];
    }
    const n = Number.parseInt(task.number, 10);
    expectedNext.set(groupIndex, (Number.isNaN(n) ? expected : n) + 1);
    if (/^\d+\.?$/.test(task.number.trim()) && n !== expected) {
      return [diagnose("appendix/number-sequence", { found: task.number, expected: String(expected) }, { path })];
    }
    return [];
  });
};
