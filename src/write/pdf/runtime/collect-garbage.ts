/**
 * A full garbage collection, where V8 allows one. Between the chunks of a long document (chunks.ts) the pages
 * drawn are garbage, but V8 collects its old generation by its own schedule, and a machine with memory to
 * spare lets that garbage pile up: a 10,000-row appendix drawn in chunks still peaked at about 900 MB RSS,
 * 535 MB with a collection after each chunk. `--expose-gc` set at run time gives the collector to new contexts.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collector: (() => void) | undefined | null = null;

export function collectGarbage(): void {
  if (collector === null) {
    try {
      setFlagsFromString("--expose-gc");
      const found: unknown = runInNewContext("gc");
      collector = typeof found === "function" ? (found as () => void) : undefined;
    } catch {
      collector = undefined;
    }
  }
  collector?.();
}
