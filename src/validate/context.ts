import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Decision } from "../model/schema.ts";
import type { AgencyResolver } from "../resolve/resolve-cell.ts";

export interface KnownTypo {
  found: string;
  fixed: string;
  reason: string;
}

export interface ValidationEnv {
  resolver: AgencyResolver;
  knownTypos: readonly KnownTypo[];
}

/** Every string of the model with its path, in document order (walkStrings): walked once for every rule. */
export type ModelTexts = readonly [(string | number)[], string][];

/**
 * A validation rule: a pure function of the model (`texts`: its strings); positions are added later from each
 * diagnostic's `path`.
 */
export type Rule = (decision: Decision, env: ValidationEnv, texts: ModelTexts) => Diagnostic[];
