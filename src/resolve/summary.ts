import type { ResolvedDecision } from "./resolve-decision.ts";

export interface DecisionSummary {
  document: string;
  appendices: number;
  tasks: number;
  /** distinct agencies named as lead or support after group expansion, unlisted ones included */
  agencies: number;
  /** agencies no directory lists, made from the cell text */
  unlisted: string[];
}

export function summarize(resolved: ResolvedDecision): DecisionSummary {
  const { decision } = resolved;
  const named = new Set(resolved.tasks.flatMap((t) => [...t.lead, ...t.support]));
  return {
    document: `${decision.document.number}/${decision.document.symbol} (${decision.document.date})`,
    appendices: decision.appendices.length,
    tasks: resolved.tasks.length,
    agencies: named.size,
    unlisted: [...named].map((id) => resolved.agencies.get(id)!).filter((a) => a.kind === "unlisted").map((a) => a.name),
  };
}
