/**
 * `npm run bench`: the seed build and synthetic models scaled up, each case in its own process for a
 * clean peak-memory reading; the seed's whole-process wall time as a user runs it; an optional
 * LibreOffice comparison. Prints a table and writes bench/results.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { parseModel } from "../io/model-file.ts";
import { benchModel, coldRebuilds, removeBenchModel, timedNodeProcess, watchRebuildMs } from "./cold-process.ts";
import type { CaseResult } from "./run-case.ts";
import { syntheticModel } from "./synthetic-model.ts";
import { targetRows, targetTable, type TargetRow } from "./targets.ts";

const node = process.execPath;
const quick = process.argv.includes("--quick");

function runJson<T>(script: string, args: string[]): T {
  const out = execFileSync(node, [script, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The CLI as shipped (`npm run build` bundles it: scripts/bundle.mjs), and as tsc compiles it, module by module. */
const BUNDLED_CLI = "dist/bundle/main.js";
const UNBUNDLED_CLI = "dist/cli/main.js";

/** Wall time of the whole CLI process, Node start included, as a user runs it. */
function cliWallMs(runs: number, workers: string, cli = BUNDLED_CLI): number[] {
  const out = mkdtempSync(join(tmpdir(), "vanban-bench-"));
  // --force: a full build every time, not an incremental one against the previous run
  const times = Array.from({ length: runs }, () => timedNodeProcess(cli, ["build", "seeds/qd-503-2013.yaml", "-o", out, "-q", "--force", "--workers", workers]).wallMs);
  rmSync(out, { recursive: true, force: true });
  return times;
}

/** Wall time of `vanban validate` on the seed, Node start included: mostly loading modules. */
function validateWallMs(runs: number, cli: string): number[] {
  return Array.from({ length: runs }, () => timedNodeProcess(cli, ["validate", "seeds/qd-503-2013.yaml", "-q"]).wallMs);
}

/**
 * The route a user would otherwise take: a DOCX per letter converted headless by LibreOffice. We make no
 * letter DOCX, so this converts copies of the seed decision DOCX (13 pages): an upper bound per document,
 * reported as such.
 */
interface LibreOfficeRoute {
  msPerDocument: number;
  documents: number;
  /** one call converting the one decision DOCX, LibreOffice's start included: the target's yardstick */
  decisionCallMs: number;
}

function libreOfficeRoute(): LibreOfficeRoute | string {
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  if (which.status !== 0) return "skipped: soffice not installed (apt-get install libreoffice-writer-nogui)";
  const dir = mkdtempSync(join(tmpdir(), "vanban-lo-"));
  timedNodeProcess(BUNDLED_CLI, ["build", "seeds/qd-503-2013.yaml", "-o", dir, "-q"]);
  const docx = join(dir, "qd-503-2013", "qd-503-2013.docx");
  const copies = 5;
  const inputs = Array.from({ length: copies }, (_, i) => {
    const copy = join(dir, `letter-${i}.docx`);
    execFileSync("cp", [docx, copy]);
    return copy;
  });
  mkdirSync(join(dir, "pdf"));
  mkdirSync(join(dir, "one"));
  const one = performance.now();
  spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", join(dir, "one"), docx], { encoding: "utf8" });
  const decisionCallMs = performance.now() - one;
  const start = performance.now();
  spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...inputs], { encoding: "utf8" });
  const elapsed = performance.now() - start;
  const made = readdirSync(join(dir, "pdf")).length;
  rmSync(dir, { recursive: true, force: true });
  return { msPerDocument: elapsed / Math.max(1, made), documents: made, decisionCallMs };
}

interface CliScale {
  name: string;
  tasks: number;
  wallMs: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  execFileSync(node, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
  const scales: [number, number][] = quick ? [[10, 100], [100, 1000]] : [[10, 100], [100, 1000], [1000, 10000]];
  const cases: CaseResult[] = [runJson<CaseResult>("dist/bench/run-case.js", ["seed"])];
  for (const [agencies, tasks] of scales) {
    process.stderr.write(`bench: ${agencies} agencies × ${tasks} tasks…\n`);
    cases.push(runJson<CaseResult>("dist/bench/run-case.js", ["synthetic", String(agencies), String(tasks)]));
  }
  type Incremental = { name: string; fullMs: number; oneEditMs: number; ratio: number; unitsReused: number; units: number };
  const incremental = [runJson<Incremental>("dist/bench/run-incremental.js", ["seed"])];
  if (!quick) incremental.push(runJson<Incremental>("dist/bench/run-incremental.js", ["synthetic", "1000", "10000"]));
  const workbook = runJson<{ name: string; ms: number; bytes: number; peakRssMb: number }>("dist/bench/run-workbook.js", ["40", quick ? "1000" : "10000"]);
  type DecisionFile = { name: string; ms: number; bytes: number; rssBeforeMb: number; peakRssMb: number };
  const decisionFiles = (["docx", "pdf"] as const).map((format) => runJson<DecisionFile>("dist/bench/run-decision-file.js", [format, "1000", quick ? "1000" : "10000"]));
  const warm = runJson<{ letters: number; pages: number; firstPassMs: number; warmMsPerLetter: number; warmMsPerPage: number; plainTextMsPerLetter: number }>("dist/bench/warm-letters.js", []);
  const wallAuto = cliWallMs(5, "auto");
  const wallSingle = cliWallMs(3, "0");
  const wallUnbundled = cliWallMs(3, "auto", UNBUNDLED_CLI);
  const validateBundled = validateWallMs(5, BUNDLED_CLI);
  const validateUnbundled = validateWallMs(5, UNBUNDLED_CLI);
  const libreOffice = libreOfficeRoute();
  process.stderr.write("bench: whole-process rebuilds and watch…\n");
  const seedModel = benchModel({ seed: "seeds/qd-503-2013.yaml" });
  // the full build's own figure is the seed's whole-process one above
  // this machine's rebuild times move by a third from one run to the next: five of each, the median counts
  const seedRebuilds = coldRebuilds(seedModel, 5);
  const watchMs = await watchRebuildMs(seedModel, 5);
  removeBenchModel(seedModel);
  const cliScales: CliScale[] = [];
  if (!quick) {
    const base = parseModel(readFileSync("seeds/qd-503-2013.yaml", "utf8"), "seed.yaml").decision!;
    for (const [agencies, tasks] of [[100, 1000], [1000, 10000]] as const) {
      process.stderr.write(`bench: ${agencies} agencies × ${tasks} tasks through the CLI…\n`);
      const model = benchModel(syntheticModel(base, { agencies, tasks }));
      const { full } = coldRebuilds(model, 0);
      removeBenchModel(model);
      cliScales.push({ name: `${agencies} agencies × ${tasks} tasks`, tasks, wallMs: full.wallMs, peakRssMb: full.peakRssMb });
    }
  }

  // "packets" = each agency's letter PDF + workbook; "check" = the layout checker on the DOCX (CLI builds only)
  const stageNames = ["import", "validate", "resolve", "docx+pdf", "xlsx", "packets"];
  const rows = cases.map((c) => [
    c.name,
    String(c.letters),
    String(c.tasks),
    ...stageNames.map((s) => (c.stagesMs[s] === undefined ? "-" : c.stagesMs[s]!.toFixed(0))),
    c.totalMs.toFixed(0),
    c.peakRssMb.toFixed(0),
  ]);
  const header = ["case", "letters", "tasks", ...stageNames.map((s) => `${s} ms`), "total ms", "peak MB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const table = [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");

  const synthetic = cases.slice(1);
  const growth = synthetic.slice(1).map((c, i) => ({
    from: synthetic[i]!.name,
    to: c.name,
    workRatio: c.tasks / synthetic[i]!.tasks,
    timeRatio: c.totalMs / synthetic[i]!.totalMs,
  }));
  const summary = {
    seedWallMsMedian: median(wallAuto),
    seedWallMsRuns: wallAuto,
    seedWallMsSingleThreadMedian: median(wallSingle),
    seedWallMsUnbundledMedian: median(wallUnbundled),
    validateWallMsMedian: median(validateBundled),
    validateWallMsUnbundledMedian: median(validateUnbundled),
    warmMsPerLetter: warm.warmMsPerLetter,
    warmMsPerPage: warm.warmMsPerPage,
    plainTextMsPerLetter: warm.plainTextMsPerLetter,
    letters: warm.letters,
    letterPages: warm.pages,
    growth,
    libreOffice,
    incremental,
    workbook,
    decisionFiles,
    coldRebuilds: {
      noChangeMsMedian: median(seedRebuilds.noChangeMs),
      oneEditMsMedian: median(seedRebuilds.oneEditMs),
      runs: seedRebuilds,
    },
    watchOneEditMs: watchMs,
    cliScales,
  };
  const targets: TargetRow[] = targetRows({
    seedFullMs: summary.seedWallMsMedian,
    libreOfficeDecisionMs: typeof libreOffice === "string" ? undefined : libreOffice.decisionCallMs,
    warmLetterMs: warm.warmMsPerLetter,
    oneEditColdMs: summary.coldRebuilds.oneEditMsMedian,
    oneEditWatchMs: watchMs.length > 0 ? median(watchMs) : undefined,
    noChangeColdMs: summary.coldRebuilds.noChangeMsMedian,
    scales: cliScales,
  });
  process.stdout.write(`${table}\n\n`);
  process.stdout.write(`${targetTable(targets)}\n\n`);
  process.stdout.write(
    `seed build, whole process (node ${BUNDLED_CLI} build), median of ${wallAuto.length}: ${summary.seedWallMsMedian.toFixed(0)} ms (workers auto); ${summary.seedWallMsSingleThreadMedian.toFixed(0)} ms (--workers 0); unbundled (${UNBUNDLED_CLI}): ${summary.seedWallMsUnbundledMedian.toFixed(0)} ms\n`,
  );
  process.stdout.write(
    `validate the seed, whole process, median of ${validateBundled.length}: ${summary.validateWallMsMedian.toFixed(0)} ms bundled, ${summary.validateWallMsUnbundledMedian.toFixed(0)} ms unbundled\n`,
  );
  process.stdout.write(
    `letters, warm, in one thread: ${warm.warmMsPerLetter.toFixed(1)} ms per letter, ${warm.warmMsPerPage.toFixed(1)} ms per page (${warm.letters} letters, ${warm.pages} pages; a packet adds the agency workbook)\n`,
  );
  process.stdout.write(
    `  the same words as plain paragraphs (no header grid, no tables): ${warm.plainTextMsPerLetter.toFixed(1)} ms per letter — pdfmake's cost for the text alone\n`,
  );
  for (const g of growth) process.stdout.write(`growth ${g.from} → ${g.to}: ${g.workRatio}× the tasks, ${g.timeRatio.toFixed(2)}× the time\n`);
  process.stdout.write(`${workbook.name}: ${workbook.ms.toFixed(0)} ms, peak ${workbook.peakRssMb.toFixed(0)} MB (exceljs streaming writer)\n`);
  for (const file of decisionFiles)
    process.stdout.write(
      `${file.name}: ${file.ms.toFixed(0)} ms, peak ${file.peakRssMb.toFixed(0)} MB (${file.rssBeforeMb.toFixed(0)} MB before writing: the model and its plan; the appendix written in parts)\n`,
    );
  const cold = summary.coldRebuilds;
  process.stdout.write(
    `seed, whole process, median of ${cold.runs.noChangeMs.length}: rebuild with nothing changed ${cold.noChangeMsMedian.toFixed(0)} ms, after a one-task edit ${cold.oneEditMsMedian.toFixed(0)} ms; in watch (printed): ${watchMs.map((m) => `${m} ms`).join(", ")}\n`,
  );
  for (const c of cliScales) process.stdout.write(`${c.name}, whole process (CLI build): ${c.wallMs.toFixed(0)} ms, peak ${c.peakRssMb.toFixed(0)} MB\n`);
  for (const r of incremental) {
    process.stdout.write(`one-task edit rebuild, ${r.name}: ${r.oneEditMs.toFixed(0)} ms vs full ${r.fullMs.toFixed(0)} ms (${(r.ratio * 100).toFixed(1)} %; ${r.unitsReused}/${r.units} units reused)\n`);
  }
  process.stdout.write(
    typeof libreOffice === "string"
      ? `LibreOffice route: ${libreOffice}\n`
      : `LibreOffice route (decision DOCX → PDF headless): the one decision in one call ${libreOffice.decisionCallMs.toFixed(0)} ms; ${libreOffice.documents} copies in one call ${libreOffice.msPerDocument.toFixed(0)} ms per document vs ${warm.warmMsPerLetter.toFixed(1)} ms per letter here (${(libreOffice.msPerDocument / warm.warmMsPerLetter).toFixed(0)}×)\n`,
  );
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/results.json", `${JSON.stringify({ machine: { node: process.version, cpus: availableParallelism() }, cases, summary, targets }, null, 2)}\n`);
  process.stdout.write("wrote bench/results.json\n");
}

await main();
