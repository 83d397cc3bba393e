import type { Fix } from "../diagnostics/diagnostic.ts";
import type { Decision } from "./schema.ts";

/** Applies suggested fixes (`--fix`) to a copy of the model; returns the copy and the fixes that applied. */
export function applyFixes(decision: Decision, fixes: readonly Fix[]): { decision: Decision; applied: Fix[] } {
  const copy = structuredClone(decision);
  const applied: Fix[] = [];
  for (const fix of fixes) {
    const parent = fix.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], copy);
    const key = fix.path.at(-1)!;
    const target = parent as Record<string | number, unknown> | undefined;
    // A fix applies only to the text it was computed from, so two fixes of one string never clobber each other.
    if (target && target[key] === fix.from) {
      target[key] = fix.to;
      applied.push(fix);
    }
  }
  return { decision: copy, applied };
}
