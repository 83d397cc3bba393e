import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { listTasks, type TaskRef } from "../model/refs.ts";
import { applicableOverride } from "../resolve/resolve-decision.ts";
import type { Decision } from "../model/schema.ts";
import { foldVietnamese } from "../model/text.ts";
import type { AgencyDirectory } from "../resolve/directory-schema.ts";
import type { Rule } from "./context.ts";

/** Where a cell's text is written: in the row itself, or (merged down, or from the parent row) above it. */
export const cellPath = (ref: TaskRef, field: "lead" | "support" | "deadline") => (ref.row[field] !== undefined ? [...ref.path, field] : ref.path);

/**
 * Lead and support cells name directory agencies; a name no directory lists still gets its letter, named as
 * written, with a warning; a task without a lead is an error.
 */
export const checkAgencies: Rule = (decision, env) => {
  const out: Diagnostic[] = [];
  for (const ref of listTasks(decision)) {
    for (const field of ["lead", "support"] as const) {
      const text = ref.task[field];
      const path = cellPath(ref, field);
      if (applicableOverride(decision.overrides, ref.ref, field, text)?.agencies) continue;
      const resolution = env.resolver.resolve(text);
      for (const phrase of resolution.unresolved) out.push(diagnose("agency/unlisted", { phrase, ref: ref.ref }, { path }));
      for (const phrase of resolution.unspecified) out.push(diagnose("agency/unspecified", { phrase }, { path }));
      for (const q of resolution.qualified) out.push(diagnose("agency/qualified-group", { phrase: q.phrase, group: q.name }, { path }));
      if (field === "lead" && text.trim() === "") out.push(diagnose("agency/lead-empty", { ref: ref.ref }, { path }));
      else if (field === "lead" && resolution.agencies.length === 0 && resolution.unresolved.length === 0) {
        out.push(diagnose("agency/lead-none", { ref: ref.ref, text }, { path }));
      }
    }
  }
  return out;
};

/**
 * A directory that lists another place's agencies: "Các sở, ban, ngành" of a Lâm Đồng plan would expand to
 * Quảng Nam's. Validation warns (the model can still be imported and given its own directory); a build of
 * letters refuses (buildable).
 */
export function directoryPlaceMismatch(decision: Decision, directory: AgencyDirectory, severity: "warning" | "error"): Diagnostic | undefined {
  const place = directory.place;
  if (place === undefined || foldVietnamese(place) === foldVietnamese(decision.issuer.place)) return undefined;
  return diagnose("agency/directory-place", { issuerPlace: decision.issuer.place, directoryPlace: place, directory: directory.name }, { path: ["issuer", "place"] }, severity);
}

export const checkDirectoryPlace: Rule = (decision, env) => {
  const found = directoryPlaceMismatch(decision, env.resolver.directory, "warning");
  return found ? [found] : [];
};

/** The agency letters tell to report through ("qua Sở Nội vụ") is one of the directory. */
export const checkReportVia: Rule = (decision, env) => {
  const id = decision.letters?.reportVia;
  if (id === undefined || env.resolver.byId.has(id)) return [];
  return [diagnose("letters/report-via-unknown", { id }, { path: ["letters", "reportVia"] })];
};
