/**
 * `vanban import`'s core: the bytes of any input (the format detected from them, src/read) → the model,
 * validated with the rules `vanban validate` runs and each diagnostic placed where its value was read.
 * Official text is never changed unless `fix` is set, and then every change is listed.
 */
import type { Diagnostic, Fix } from "../diagnostics/diagnostic.ts";
import type { Place } from "../diagnostics/rules.ts";
import { applyFixes } from "../model/apply-fixes.ts";
import type { Decision } from "../model/schema.ts";
import { readSource } from "../read/read-source.ts";
import type { ValidationEnv } from "../validate/context.ts";
import { validateDecision } from "../validate/validate-decision.ts";
import { EDITORIAL_FOLLOW_UP } from "./editorial-defaults.ts";
import { recognizeDocument } from "./recognize-document.ts";
import { restoreSiteCapitals } from "./sentence-case.ts";

export interface ImportResult {
  decision?: Decision;
  diagnostics: Diagnostic[];
  /** fixes applied by `fix: true`, for the report */
  applied: Fix[];
}

/** The place of the longest prefix of the diagnostic's model path that was read from the source. */
function placeByPath(diagnostics: readonly Diagnostic[], places: ReadonlyMap<string, Place>, file: string): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.start || d.at !== undefined || !d.path) return { ...d, file: d.file ?? file };
    for (let n = d.path.length; n >= 0; n--) {
      const place = places.get(d.path.slice(0, n).join("."));
      if (place) return { ...d, ...place, file };
    }
    return { ...d, file };
  });
}

/** The one agency of the directory in use that EDITORIAL_FOLLOW_UP names, if there is one. */
function followUpAgency(env: ValidationEnv): string | undefined {
  const found = env.resolver.resolve(EDITORIAL_FOLLOW_UP);
  return found.agencies.length === 1 && found.unresolved.length === 0 ? found.agencies[0] : undefined;
}

export function importSource(bytes: Uint8Array, file: string, env: ValidationEnv, options: { fix?: boolean } = {}): ImportResult {
  const read = readSource(bytes, { name: file });
  if (!read.document) return { diagnostics: read.diagnostics, applied: [] };
  const recognized = recognizeDocument(read.document, { file, followUp: followUpAgency(env) });
  const diagnostics = [...read.diagnostics, ...recognized.diagnostics];
  if (!recognized.decision || diagnostics.some((d) => d.severity === "error")) return { diagnostics, applied: [] };
  const restored = restoreSiteCapitals(recognized.decision, recognized.places);
  diagnostics.push(...restored.diagnostics.map((d) => ({ ...d, file })));
  let decision = restored.decision;
  const modelDiagnostics = placeByPath(validateDecision(decision, env), recognized.places, file);
  let applied: Fix[] = [];
  if (options.fix) ({ decision, applied } = applyFixes(decision, modelDiagnostics.flatMap((d) => (d.fix ? [d.fix] : []))));
  return { decision, diagnostics: [...diagnostics, ...modelDiagnostics], applied };
}
