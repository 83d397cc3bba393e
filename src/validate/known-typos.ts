import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import type { Rule } from "./context.ts";

type Path = (string | number)[];

/** Every string of the model with its path, in document order. */
export function* walkStrings(value: unknown, path: Path = []): Generator<[Path, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walkStrings(v, [...path, i]);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* walkStrings(v, [...path, k]);
}

/** Phrases known to be wrong in official texts (data/known-typos.yaml), e.g. a missing word in a group title. */
export const checkKnownTypos: Rule = (decision, env) => {
  const out: Diagnostic[] = [];
  for (const [path, text] of walkStrings(decision)) {
    for (const typo of env.knownTypos) {
      if (!text.includes(typo.found)) continue;
      const to = text.split(typo.found).join(typo.fixed);
      out.push(diagnose("text/known-typo", { found: typo.found, reason: typo.reason, fixed: typo.fixed }, { path, fix: { path, from: text, to } }));
    }
  }
  return out;
};
