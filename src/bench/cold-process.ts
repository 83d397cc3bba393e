/**
 * Whole-process figures, Node start included, as a clerk meets them: a full build, a rebuild with nothing
 * changed, a rebuild after a one-task edit, and the time `vanban watch` prints for a rebuild after the same
 * edit. Each build runs `node dist/bench/run-cli.js` (the bundled CLI's entry, plus its peak memory).
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseModel, serializeModel } from "../io/model-file.ts";
import type { Decision, Group, Row } from "../model/schema.ts";
import type { SyntheticModel } from "./synthetic-model.ts";

const node = process.execPath;
const RUN_CLI = "dist/bench/run-cli.js";
const CLI = "dist/bundle/main.js";

export interface ProcessRun {
  wallMs: number;
  peakRssMb: number;
}

/** One `node <script> <args…>` process timed whole, Node start included; throws with its output when it fails. */
export function timedNodeProcess(script: string, args: readonly string[]): { wallMs: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(node, [script, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { wallMs, stdout: r.stdout };
}

/** One `vanban` process with its peak memory (dist/bench/run-cli.js); throws with its output when it fails. */
export function runVanban(args: readonly string[]): ProcessRun {
  const { wallMs, stdout } = timedNodeProcess(RUN_CLI, args);
  const last = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { exitCode?: number; peakRssMb?: number };
  if (last.exitCode !== 0) throw new Error(`vanban ${args.join(" ")} exited ${last.exitCode}`);
  return { wallMs, peakRssMb: last.peakRssMb! };
}

/** A model in a folder of its own (with its directory, for synthetic models), and how to edit one task of it. */
export interface BenchModel {
  dir: string;
  file: string;
  /** extra build arguments (the directory a synthetic model needs) */
  args: string[];
  /** rewrites the model with the last task's deadline changed; each call gives another deadline */
  editOneTask(): void;
}

const EDIT_DEADLINES = ["Quý IV", "Quý III"];

export function benchModel(source: { seed: string } | SyntheticModel): BenchModel {
  const dir = mkdtempSync(join(tmpdir(), "vanban-bench-model-"));
  const file = join(dir, "model.yaml");
  const args: string[] = [];
  if ("seed" in source) copyFileSync(source.seed, file);
  else {
    writeFileSync(file, serializeModel(source.decision, file));
    writeFileSync(join(dir, "agencies.yaml"), stringify(source.directory));
    args.push("--directory", join(dir, "agencies.yaml"));
  }
  let edits = 0;
  const editOneTask = () => {
    const decision: Decision = parseModel(readFileSync(file, "utf8"), file).decision!;
    const lastGroup = decision.appendices[0]!.items.at(-1) as Group;
    (lastGroup.items.at(-1) as Row).deadline = EDIT_DEADLINES[edits++ % EDIT_DEADLINES.length]!;
    writeFileSync(file, serializeModel(decision, file));
  };
  return { dir, file, args, editOneTask };
}

export interface ColdRebuilds {
  /** the full build (--force) the rebuilds start from */
  full: ProcessRun;
  noChangeMs: number[];
  oneEditMs: number[];
}

/** A full build (--force), then `runs` rebuilds with nothing changed and `runs` after a one-task edit. */
export function coldRebuilds(model: BenchModel, runs: number): ColdRebuilds {
  const out = join(model.dir, "out");
  const build = (extra: string[] = []) => runVanban(["build", model.file, "-o", out, "-q", ...model.args, ...extra]);
  const full = build(["--force"]);
  const noChangeMs = Array.from({ length: runs }, () => build().wallMs);
  const oneEditMs = Array.from({ length: runs }, () => {
    model.editOneTask();
    return build().wallMs;
  });
  return { full, noChangeMs, oneEditMs };
}

const BUILT_LINE = /^built .* in (\d+) ms$/m;

/** The rebuild times `vanban watch` prints after `edits` one-task edits (its first build warms it up). */
export async function watchRebuildMs(model: BenchModel, edits: number): Promise<number[]> {
  const child = spawn(node, [CLI, "watch", model.file, "-o", join(model.dir, "watch-out"), ...model.args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const printed: number[] = [];
  let waiting: (() => void) | undefined;
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    for (;;) {
      const match = BUILT_LINE.exec(stderr);
      if (!match) break;
      printed.push(Number(match[1]));
      stderr = stderr.slice(match.index + match[0].length);
      waiting?.();
    }
  });
  const nextBuild = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`watch printed no rebuild: ${stderr.slice(-2000)}`)), 600_000);
      waiting = () => {
        if (printed.length < count) return;
        clearTimeout(timeout);
        resolve();
      };
      waiting();
    });
  try {
    await nextBuild(1);
    for (let i = 1; i <= edits; i++) {
      model.editOneTask();
      await nextBuild(1 + i);
    }
  } finally {
    child.kill("SIGINT");
  }
  return printed.slice(1);
}

export function removeBenchModel(model: BenchModel): void {
  rmSync(model.dir, { recursive: true, force: true });
}
