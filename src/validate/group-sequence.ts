import { diagnose } from "../diagnostics/rules.ts";
import { toRoman } from "../model/refs.ts";
import type { Rule } from "./context.ts";

/** Group numerals run I, II, III, … in source order (the seed reads I, II, III, VI, IV, V, VI, VII). */
export const checkGroupSequence: Rule = (decision) =>
  (decision.appendix?.groups ?? []).flatMap((group, g) => {
    const expected = toRoman(g + 1);
    if (group.numeral === expected) return [];
    const path = ["appendix", "groups", g, "numeral"];
    return [diagnose("appendix/group-sequence", { found: group.numeral, expected }, { path, fix: { path, from: group.numeral, to: expected } })];
  });
