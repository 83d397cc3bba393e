import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The CLI as shipped: the bundle `npm run build` writes (scripts/bundle.mjs). The in-process tests run the
 * sources, so comparing their files with a child's (build-cli's REPRO test) checks the bundle changes no byte.
 */
export const CLI_ENTRY = "dist/bundle/main.js";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled CLI in a child process, as a user would. Only for what needs a process of its own (exit
 * codes of the binary, signals, time zone and locale, worker threads, watch); everything else: runCliInProcess.
 */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [`${process.cwd()}/${CLI_ENTRY}`, ...args], {
    encoding: "utf8",
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * " (skipped: …)" for the titles of tests that start the compiled CLI in a child process when the run leaves
 * them out (VANBAN_TEST_WITHOUT lists "vanban": `npm run test:fast`), else "".
 */
export const CHILD_PROCESS_SKIP = (process.env.VANBAN_TEST_WITHOUT ?? "").split(",").includes("vanban")
  ? " (skipped: child processes of the compiled vanban left out (VANBAN_TEST_WITHOUT))"
  : "";

let running = false;

/**
 * Runs a command line through the CLI's own entry (`run` in src/cli/main.ts: commander parsing, the command,
 * its exit code) in this process, with process.stdout and process.stderr captured. Standard error is not a
 * TTY here, as in a child process with pipes. One at a time: the capture is process-wide. `entry`: another
 * `run` than the sources' (the bundle's, test/integration/code-cache.test.ts).
 */
export async function runCliInProcess(args: string[], entry?: (args: readonly string[]) => Promise<number>): Promise<CliRun> {
  if (running) throw new Error("runCliInProcess: one command at a time (process.stdout and process.stderr are captured)");
  running = true;
  const run = entry ?? (await import("../../src/cli/main.ts")).run;
  const out = { stdout: "", stderr: "" };
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write, isTTY: process.stderr.isTTY };
  for (const name of ["stdout", "stderr"] as const) {
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      out[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }) as typeof process.stdout.write;
  }
  process.stderr.isTTY = false;
  try {
    const status = await run(args);
    return { status, ...out };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.stderr.isTTY = saved.isTTY;
    running = false;
  }
}

/** A stack trace line, which users must never see. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** SHA-256 of every file under `dir`, by path relative to it: what a build folder holds. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
