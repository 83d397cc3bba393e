import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Decision } from "../model/schema.ts";
import { checkAgencies, checkDirectoryPlace, checkReportVia } from "./agencies.ts";
import { checkBody } from "./body.ts";
import { checkControlCharacters } from "./control-characters.ts";
import type { Rule, ValidationEnv } from "./context.ts";
import { checkDeadlines } from "./deadlines.ts";
import { checkDocumentHeader } from "./document-header.ts";
import { checkDoubledPhrases } from "./doubled-phrases.ts";
import { checkGroupSequence } from "./group-sequence.ts";
import { checkKnownTypos, walkStrings } from "./known-typos.ts";
import { checkLimits } from "./limits.ts";
import { checkOverrides } from "./overrides.ts";
import { checkSigners } from "./signers.ts";
import { checkTableCells } from "./table-cells.ts";
import { checkTaskNumbers } from "./task-numbers.ts";

const RULES: readonly Rule[] = [
  checkControlCharacters,
  checkDocumentHeader,
  checkBody,
  checkSigners,
  checkGroupSequence,
  checkTaskNumbers,
  checkTableCells,
  checkKnownTypos,
  checkDoubledPhrases,
  checkDeadlines,
  checkDirectoryPlace,
  checkAgencies,
  checkReportVia,
  checkOverrides,
];

/**
 * Cross-field checks of a schema-valid model; diagnostics carry model paths, not positions. A model past a
 * limit gets only those errors: checking it further would cost what the limits are there to spare.
 */
export function validateDecision(decision: Decision, env: ValidationEnv): Diagnostic[] {
  const texts = walkStrings(decision);
  const overLimits = checkLimits(decision, env, texts);
  if (overLimits.length > 0) return overLimits;
  return RULES.flatMap((rule) => rule(decision, env, texts));
}
