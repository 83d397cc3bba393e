import type { Appendix, Group, Task } from "./schema.ts";

/** Vietnamese point letters (BODY-POINT): no f, j, w, z. */
export const POINT_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function toRoman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, symbol] of ROMAN) while (rest >= value) (out += symbol), (rest -= value);
  return out;
}

export interface TaskRef {
  group: Group;
  groupIndex: number;
  task: Task;
  taskIndex: number;
  /** How letters and the tracking sheet cite the task: "II.3"; a row with an empty STT is "II.2a", "II.2b", … after the numbered row above it. */
  ref: string;
  /** The STT the row effectively has: "3", or "2a" for an empty STT. */
  effectiveNumber: string;
  /** Stable key by position, for diffs and ids: "g2.t5" */
  key: string;
}

/** Every task of the appendix in source order with its citation ref. */
export function listTasks(appendix: Appendix): TaskRef[] {
  const refs: TaskRef[] = [];
  appendix.groups.forEach((group, groupIndex) => {
    let lastNumber = "";
    let suffix = 0;
    group.tasks.forEach((task, taskIndex) => {
      let effectiveNumber: string;
      if (task.number.trim() !== "") {
        effectiveNumber = task.number.trim().replace(/\.$/, "");
        lastNumber = effectiveNumber;
        suffix = 0;
      } else {
        effectiveNumber = `${lastNumber}${POINT_LETTERS[suffix] ?? String(suffix + 1)}`;
        suffix++;
      }
      const prefix = group.numeral ? `${group.numeral}.` : "";
      refs.push({ group, groupIndex, task, taskIndex, ref: `${prefix}${effectiveNumber}`, effectiveNumber, key: `g${groupIndex + 1}.t${taskIndex + 1}` });
    });
  });
  return refs;
}
