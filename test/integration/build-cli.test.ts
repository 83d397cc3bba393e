/**
 * `vanban build` (and `vanban watch`) as users run it. Most tests go through the CLI's entry in this process
 * (argument parsing, the command, its exit code and output): the folder and its manifests, single-agency
 * packets, template and layout-check failures. The bundled CLI (dist/bundle/, bundled once by the global setup)
 * runs in child processes only for what needs a process of its own: the binary's exit codes, the same bytes in
 * another time zone and locale with worker threads, atomic output under SIGKILL and SIGINT, and watch (a
 * long-running process stopped by a signal); `npm run test:fast` leaves those out. The first build serves them
 * all, as the reference and as the previous outputs: a build of the seed costs seconds, the first one in a
 * process about twice as many.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { CHILD_PROCESS_SKIP, CLI_ENTRY, hashTree, runCli, runCliInProcess, STACK_LINE, type CliRun } from "../support/cli.ts";
import { SEED_MODEL_FILE, writeSmallModel } from "../support/seed.ts";

const root = mkdtempSync(join(tmpdir(), "vanban-build-"));
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/**
 * The seed's builds here write DOCX and workbooks only, unchecked: the folder, its manifests, packets, locks and
 * commits depend neither on the formats nor on the layout check, and the PDFs would double each build (both
 * formats: the REPRO test below, the golden tests, `npm start`; the check of a build: its own tests below, and
 * test/golden/check-seed.test.ts for the seed's files).
 */
const DOCX_UNCHECKED = ["--formats", "docx", "--no-check"];

async function build(out: string, extra: string[] = []): Promise<CliRun> {
  const run = await runCliInProcess(["build", SEED_MODEL_FILE, "-o", out, "--json", ...DOCX_UNCHECKED, ...extra]);
  expect(run.stderr).not.toMatch(STACK_LINE);
  return run;
}

const first = join(root, "first");
/** the first build as it was written, for the tests in child processes (the tests here rebuild parts of `first`) */
const reference = join(root, "reference");
let run: CliRun;
let tree: Record<string, string>;
beforeAll(async () => {
  run = await build(first);
  tree = hashTree(join(first, "qd-503-2013"));
  cpSync(join(first, "qd-503-2013"), join(reference, "qd-503-2013"), { recursive: true });
});

describe("vanban build", () => {
  it("writes the decision, the workbook and one packet per agency with a manifest", () => {
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.letters).toBe(41);
    expect(Object.keys(tree)).toContain("qd-503-2013.docx");
    expect(Object.keys(tree)).toContain("qd-503-2013-phu-luc.xlsx");
    const packets = Object.keys(tree).filter((p) => p.startsWith("packets/") && p.endsWith(".docx"));
    expect(packets).toHaveLength(41);
    expect(Object.keys(tree).filter((p) => p.endsWith(".pdf"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(first, "qd-503-2013", "manifest.json"), "utf8"));
    for (const entry of manifest.files) expect(tree[entry.path]).toBe(entry.sha256);
    expect(manifest.files).toHaveLength(Object.keys(tree).length - 1);
  });

  it("gives each packet a manifest with the SHA-256 of its files", () => {
    const packet = join(first, "qd-503-2013", "packets", "so-tu-phap");
    const manifest = JSON.parse(readFileSync(join(packet, "manifest.json"), "utf8"));
    expect(manifest.agency.id).toBe("so-tu-phap");
    expect(manifest.lead).toContain("I.2");
    for (const f of manifest.files) expect(tree[`packets/so-tu-phap/${f.path}`]).toBe(f.sha256);
  });

  it("--agency rebuilds only that packet, identically, and leaves everything else untouched", async () => {
    const docx = join(first, "qd-503-2013", "qd-503-2013.docx");
    const before = statSync(docx).mtimeMs;
    const single = await build(first, ["--agency", "Sở Tư pháp"]);
    expect(single.status).toBe(0);
    expect(JSON.parse(single.stdout).letters).toBe(1);
    expect(statSync(docx).mtimeMs).toBe(before);
    expect(hashTree(join(first, "qd-503-2013"))).toEqual(tree);
  });

  it("--agency after an edit: that packet changes, and the folder's manifest lists its new files and fingerprint", async () => {
    const folder = join(root, "edited");
    cpSync(join(first, "qd-503-2013"), join(folder, "qd-503-2013"), { recursive: true });
    const edited = join(root, "edited.yaml");
    const source = readFileSync(SEED_MODEL_FILE, "utf8");
    expect(source).toContain("Xây dựng và thực hiện Kế hoạch rà soát các văn bản QPPL đã ban hành");
    writeFileSync(edited, source.replace("Xây dựng và thực hiện Kế hoạch rà soát các văn bản QPPL đã ban hành", "Rà soát các văn bản QPPL"));
    const run = await runCliInProcess(["build", edited, "-o", folder, "--agency", "so-tu-phap", "--json", ...DOCX_UNCHECKED]);
    expect(run.status, run.stderr).toBe(0);
    const after = hashTree(join(folder, "qd-503-2013"));
    const changed = Object.keys(after).filter((path) => after[path] !== tree[path]).sort();
    expect(changed).toEqual([
      "manifest.json",
      "packets/so-tu-phap/cong-van-so-tu-phap.docx",
      "packets/so-tu-phap/manifest.json",
      "packets/so-tu-phap/phu-luc-so-tu-phap.xlsx",
    ]);
    const manifest = JSON.parse(readFileSync(join(folder, "qd-503-2013", "manifest.json"), "utf8"));
    for (const entry of manifest.files) expect(entry.sha256, entry.path).toBe(after[entry.path]);
    const before = JSON.parse(readFileSync(join(first, "qd-503-2013", "manifest.json"), "utf8"));
    expect(manifest.units["packet:so-tu-phap"].input).not.toBe(before.units["packet:so-tu-phap"].input);
    expect({ ...manifest.units, "packet:so-tu-phap": undefined }).toEqual({ ...before.units, "packet:so-tu-phap": undefined });
  });

  it("rejects an unknown agency as a usage error (exit 2) with the closest names", async () => {
    const bad = await build(join(root, "bad"), ["--agency", "Sở Không Có"]);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).diagnostics[0].ruleId).toBe("cli/unknown-agency");
  });

  it("stops on a user template with a misspelt field, naming it, and writes nothing", async () => {
    const templates = join(root, "templates");
    cpSync("templates", templates, { recursive: true });
    const opening = join(templates, "letter", "opening.hbs");
    writeFileSync(opening, `${readFileSync(opening, "utf8")}{{agency.nmae}}`);
    const out = join(root, "bad-template");
    const bad = await runCliInProcess(["build", SEED_MODEL_FILE, "-o", out, "--templates", templates]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/template\/field/);
    expect(bad.stderr).toContain("nmae");
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(out, "qd-503-2013"))).toBe(false);
  });

  it("runs the layout checker on the DOCX it wrote: a failing rule stops the build, --no-check skips it", async () => {
    // a small model: the checker reads the decision DOCX, whatever the number of letters
    const model = writeSmallModel(mkdtempSync(join(root, "vv-")));
    writeFileSync(model, readFileSync(model, "utf8").replace("subject: BAN HÀNH", "subject: V/v BAN HÀNH"));
    const out = join(root, "vv");
    // DOCX only: the check reads the DOCX, the PDFs would only add time
    const checked = await runCliInProcess(["build", model, "-o", out, "--agency", "so-tu-phap", "--json", "--formats", "docx"]);
    expect(checked.status).toBe(0); // --agency builds packets only: their letters (subject of their own) pass
    const failed = await runCliInProcess(["build", model, "-o", out, "--json", "--formats", "docx"]);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain("TITLE-VV");
    expect(existsSync(join(out, "qd-503-2013", "qd-503-2013.docx"))).toBe(false);
    expect((await runCliInProcess(["build", model, "-o", out, "--no-check", "--formats", "docx", "-q"])).status).toBe(0);
    expect(existsSync(join(out, "qd-503-2013", "qd-503-2013.docx"))).toBe(true);
  });

  it("rejects a template folder without letter templates", async () => {
    const bad = await runCliInProcess(["build", SEED_MODEL_FILE, "-o", join(root, "bad"), "--templates", root]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/template\//);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(root, "bad", "qd-503-2013"))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// In child processes

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`the vanban binary in child processes${CHILD_PROCESS_SKIP}`, () => {
  it("exits 0, 1 and 2 as documented, also started through a symlink (as npm links it); no stack trace", () => {
    const link = join(root, "vanban");
    symlinkSync(resolve(CLI_ENTRY), link);
    const version = spawnSync(process.execPath, [link, "--version"], { encoding: "utf8" });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const errors = runCli(["import", join(root, "does-not-exist.txt")]);
    expect(errors.status).toBe(1);
    expect(errors.stderr).toContain("input/unreadable");
    expect(errors.stderr).not.toMatch(STACK_LINE);

    const usage = runCli(["build", SEED_MODEL_FILE, "--profile", "nd31"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--profile must be nd30 or tt01");
    expect(usage.stdout).toBe("");
  });

  it("stops quietly when its reader does (| head): exit 0, no stack trace", () => {
    // the imported model (some 35 KB of YAML) into a pipe closed after its first bytes; bash for PIPESTATUS
    const script = `"${process.execPath}" "${CLI_ENTRY}" import seeds/qd-503-2013.txt | head -c 64 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    const piped = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(piped.stdout.trim()).toBe("0");
    expect(piped.stderr).not.toMatch(STACK_LINE);
    expect(piped.stderr).not.toContain("EPIPE");
  });

  it("is byte-identical in another time zone and locale, and when worker threads render the letters (REPRO)", async () => {
    // a small model (three letters: enough for two workers), built here from the sources and there by the
    // bundled CLI in a zone and a locale other than this process's. Here unchecked, there checked: the check's
    // thread writes the DOCX it checks, which must be the bytes the build writes without it.
    const model = writeSmallModel(mkdtempSync(join(root, "small-")));
    const here = join(root, "small-here");
    expect((await runCliInProcess(["build", model, "-o", here, "--workers", "0", "--no-check", "-q"])).status).toBe(0);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone === "Asia/Ho_Chi_Minh" ? "America/New_York" : "Asia/Ho_Chi_Minh";
    const locale = new Intl.NumberFormat().resolvedOptions().locale.startsWith("vi") ? "C" : "vi_VN.UTF-8";
    const second = join(root, "second");
    const run = runCli(["build", model, "-o", second, "--json", "--workers", "2"], { env: { TZ: zone, LANG: locale, LC_ALL: locale } });
    expect(run.status, `${run.stderr}${run.stdout.slice(0, 4000)}`).toBe(0);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout);
    expect(report.workers).toBe(2);
    expect(report.timesMs).toHaveProperty("check");
    expect(hashTree(join(second, "qd-503-2013"))).toEqual(hashTree(join(here, "qd-503-2013")));
    // bundled, the dependencies' deprecation warnings would be blamed on vanban and printed to the clerk
    expect(run.stderr).not.toContain("DeprecationWarning");
  });

  it("refuses a DOCX its layout check (on a thread of its own here) fails, and writes nothing", () => {
    const model = writeSmallModel(mkdtempSync(join(root, "unchecked-")));
    // kept as written by validation (a warning), but the rendered Nơi nhận then breaks RECIP-ITEMS
    writeFileSync(model, readFileSync(model, "utf8").replace('archive: "Lưu: VT, NC."', 'archive: "Lưu: VT, NC"'));
    const out = join(root, "unchecked-out");
    // DOCX only: the check reads the DOCX, the PDFs would only add time
    const run = runCli(["build", model, "-o", out, "--json", "--formats", "docx"]);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ ruleId: "RECIP-ITEMS", severity: "error", file: join(out, "qd-503-2013", "qd-503-2013.docx") }));
    expect(existsSync(join(out, "qd-503-2013"))).toBe(false);
  });

  /**
   * Starts a build and sends `signal` once its temporary folder exists, i.e. in the middle of writing. With
   * --force: a rebuild of the unchanged model copies every unit within the 150 ms given it below, and would be
   * done before the signal came.
   */
  async function interruptBuild(out: string, signal: NodeJS.Signals): Promise<number | null> {
    // Under the other profile every file differs from the previous outputs' (the same files again would leave the
    // folder as it is: no temporary folder, nothing to interrupt).
    const child = spawn(process.execPath, [CLI_ENTRY, "build", SEED_MODEL_FILE, "-o", out, "--workers", "0", "--profile", "tt01", ...DOCX_UNCHECKED], { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? -1 : null))));
    for (let i = 0; i < 2000; i++) {
      // this child's own folder: the previous test's SIGKILL leaves a stray one behind for the next run to remove
      if (existsSync(join(out, `.qd-503-2013.tmp-${child.pid}`))) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    // Let it write some files first.
    await new Promise((r) => setTimeout(r, 150));
    child.kill(signal);
    return exited;
  }

  describe("atomic builds", () => {
    const out = join(root, "atomic");
    // the previous outputs: a copy of the build above (an incremental build reads its manifest, not its inodes)
    beforeAll(() => cpSync(join(reference, "qd-503-2013"), join(out, "qd-503-2013"), { recursive: true }));

    it("SIGKILL mid-build leaves the previous outputs intact; the next run removes the stray folder", async () => {
      await interruptBuild(out, "SIGKILL");
      expect(hashTree(join(out, "qd-503-2013"))).toEqual(tree);
      expect(readdirSync(out).filter((e) => e.startsWith(".qd-503-2013.tmp-"))).toHaveLength(1);
      const next = await build(out);
      expect(next.status, next.stderr).toBe(0);
      expect(readdirSync(out)).toEqual(["qd-503-2013"]);
      expect(hashTree(join(out, "qd-503-2013"))).toEqual(tree);
    });

    it("SIGINT mid-build exits 130, keeps the previous outputs and leaves no temporary folder", async () => {
      const code = await interruptBuild(out, "SIGINT");
      expect(code).toBe(130);
      expect(readdirSync(out)).toEqual(["qd-503-2013"]);
      expect(hashTree(join(out, "qd-503-2013"))).toEqual(tree);
    });
  });

  it("vanban watch rebuilds on save, reports a broken model and keeps the last good outputs", async () => {
    // a small model (three letters): rebuilding on save does not depend on the model's size
    const dir = mkdtempSync(join(root, "watch-"));
    const model = writeSmallModel(dir);
    const out = join(dir, "out");
    // DOCX only: what is rebuilt on a save does not depend on the formats
    const child = spawn(process.execPath, [CLI_ENTRY, "watch", model, "-o", out, "--formats", "docx"], { env: { ...process.env, NO_COLOR: "1" } });
    // also when the test times out (its body then goes on in the background): no watcher outlives the run
    onTestFinished(() => void child.kill("SIGKILL"));
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const waitFor = async (pattern: RegExp, count: number) => {
      for (let i = 0; i < 1200 && (log.match(pattern) ?? []).length < count; i++) await new Promise((r) => setTimeout(r, 100));
      expect((log.match(pattern) ?? []).length, log).toBeGreaterThanOrEqual(count);
    };
    try {
      await waitFor(/^built /gm, 1);
      expect(log).toMatch(/3 agency packets \(0 units unchanged, copied\)/);
      const changes = () => readFileSync(join(out, "qd-503-2013", "CHANGES.md"), "utf8");
      expect(changes()).toContain("Bản dựng đầu tiên");

      // the due date is read from the cell: editing the text is the whole edit
      const source = readFileSync(model, "utf8");
      expect(source).toContain("deadline: Quý I\n");
      writeFileSync(model, source.replace("deadline: Quý I\n", "deadline: Quý III\n"));
      await waitFor(/^built /gm, 2);
      // the task's two agencies and the documents are rendered again; the third letter is kept
      expect(log).toMatch(/3 agency packets \(1 units unchanged, copied\)/);
      expect(changes()).toContain('deadline: "Quý I" → "Quý III"');

      const good = readFileSync(join(out, "qd-503-2013", "manifest.json"));
      writeFileSync(model, "profile: [broken\n");
      await waitFor(/error model\/yaml/g, 1);
      expect(readFileSync(join(out, "qd-503-2013", "manifest.json"))).toEqual(good);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT");
        await new Promise((r) => child.once("exit", r));
      }
    }
  });
});
