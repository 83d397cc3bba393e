import type { Diagnostic, Point } from "./diagnostic.ts";

/** Finds the source range of a model path (the YAML node, or the scraped cell it came from). */
export type Locator = (path: readonly (string | number)[]) => { start: Point; end?: Point } | undefined;

/** Fills `file`, `start` and `end` of diagnostics that have a model path but no position. */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], file: string, locate: Locator): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.start || !d.path) return d.file ? d : { ...d, file };
    for (let n = d.path.length; n >= 0; n--) {
      const range = locate(d.path.slice(0, n));
      if (range) return { ...d, file, ...range };
    }
    return { ...d, file };
  });
}
