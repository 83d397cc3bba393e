import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import type { ModelTexts, Rule } from "./context.ts";

type Path = (string | number)[];

/**
 * Every string of the model with its path, in document order: gathered in one pass, one path array per string
 * (a generator per level made each string pass through as many generators as it is deep), once per validation
 * and handed to every rule (validateDecision).
 */
export function walkStrings(value: unknown): ModelTexts {
  const found: [Path, string][] = [];
  const path: Path = [];
  const visit = (node: unknown) => {
    if (typeof node === "string") found.push([[...path], node]);
    else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        path.push(k);
        visit(v);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}

/** Phrases known to be wrong in official texts (data/known-typos.yaml), e.g. a missing word in a group title. */
export const checkKnownTypos: Rule = (_decision, env, texts) => {
  const out: Diagnostic[] = [];
  for (const [path, text] of texts) {
    for (const typo of env.knownTypos) {
      if (!text.includes(typo.found)) continue;
      const to = text.split(typo.found).join(typo.fixed);
      out.push(diagnose("text/known-typo", { found: typo.found, reason: typo.reason, fixed: typo.fixed }, { path, fix: { path, from: text, to } }));
    }
  }
  return out;
};
