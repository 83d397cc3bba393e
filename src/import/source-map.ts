/** Where each model value came from in the scraped text, keyed by its model path ("appendix.groups.3.numeral"). */
export type SourceSpans = Map<string, { offset: number; length: number }>;

export function pathKey(path: readonly (string | number)[]): string {
  return path.join(".");
}
