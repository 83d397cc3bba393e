import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * True when the module at `moduleUrl` is the program node started (`node dist/bundle/main.js`, or the `vanban`
 * link to it), not an import.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  for (const candidate of [entry, `${entry}.js`]) {
    try {
      return realpathSync(candidate) === fileURLToPath(moduleUrl);
    } catch {
      // not a file: try the next spelling
    }
  }
  return false;
}

/** Runs the command line node was started with and leaves its exit code to the process. */
export function startProgram(run: (args: readonly string[]) => Promise<number>): void {
  // Bundled, our dependencies' code no longer lies under node_modules, so Node blames their deprecated calls
  // (exceljs's `new Buffer()`) on vanban and prints a warning a clerk can do nothing about.
  process.noDeprecation = true;
  // a reader that stops early (`vanban import plan.txt | head`) leaves the rest of the output nowhere to go:
  // that is the reader's choice, not an error (Node would print a stack trace for it)
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(process.exitCode ?? 0);
    });
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
