import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { POINT_LETTERS, toRoman, type ModelPath } from "../model/refs.ts";
import { isGroup, type Group, type Row } from "../model/schema.ts";
import type { Rule } from "./context.ts";

/** Capital letters as Vietnamese labels them: A, B, C, D, Đ, E, G, … (no F, J, W, Z). */
const LETTERS = POINT_LETTERS.map((l) => l.toLocaleUpperCase("vi"));

type Numbering = (position: number) => string;

/** How a level of groups is numbered, read from its first label: I, II, … / A, B, … / 1, 2, … */
function numberingOf(label: string): Numbering | undefined {
  const bare = label.trim().replace(/[.)]+$/, "");
  if (/^[IVXLC]+$/.test(bare)) return toRoman;
  if (/^\d+$/.test(bare)) return String;
  if (LETTERS.includes(bare)) return (n) => LETTERS[n - 1] ?? String(n);
  return undefined; // "III.1": a compound label, kept as written
}

/**
 * Group labels at each level run in sequence (the seed reads I, II, III, VI, IV, V, VI, VII). Kept as written;
 * `--fix` renumbers.
 */
export const checkGroupSequence: Rule = (decision) => {
  const out: Diagnostic[] = [];
  const visit = (items: readonly (Group | Row)[], path: ModelPath) => {
    const groups = items.map((item, i) => ({ item, i })).filter((g): g is { item: Group; i: number } => isGroup(g.item));
    const numbering = groups[0] && numberingOf(groups[0].item.group);
    groups.forEach(({ item, i }, position) => {
      const itemPath = [...path, "items", i];
      const bare = item.group.trim().replace(/[.)]+$/, "");
      const expected = numbering?.(position + 1);
      if (expected !== undefined && bare !== expected) {
        const labelPath = [...itemPath, "group"];
        const to = item.group.replace(bare, expected);
        out.push(diagnose("appendix/group-sequence", { found: item.group, expected: to }, { path: labelPath, fix: { path: labelPath, from: item.group, to } }));
      }
      visit(item.items, itemPath);
    });
  };
  decision.appendices.forEach((appendix, a) => visit(appendix.items, ["appendices", a]));
  return out;
};
