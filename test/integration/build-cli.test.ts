/**
 * The build as users run it (compiled CLI in a child process): determinism across time zones and locales,
 * atomic output under SIGKILL and SIGINT, single-agency packets.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STACK_LINE } from "../support/cli.ts";
import { SEED_MODEL_FILE } from "../support/seed.ts";

const root = mkdtempSync(join(tmpdir(), "vanban-build-"));

function hashTree(dir: string): Record<string, string> {
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

function build(out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(["build", SEED_MODEL_FILE, "-o", out, "--json", ...extra], { env });
  expect(run.stderr).not.toMatch(STACK_LINE);
  return run;
}

describe("vanban build", () => {
  const first = join(root, "first");
  const run = build(first, [], { TZ: "UTC", LANG: "C", LC_ALL: "C" });
  const tree = hashTree(join(first, "qd-503-2013"));

  it("writes the decision, the workbook and one packet per agency with a manifest", () => {
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.letters).toBe(41);
    expect(Object.keys(tree)).toContain("qd-503-2013.docx");
    expect(Object.keys(tree)).toContain("qd-503-2013-phu-luc.xlsx");
    const packets = Object.keys(tree).filter((p) => p.startsWith("packets/") && p.endsWith(".pdf"));
    expect(packets).toHaveLength(41);
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

  it("is byte-identical in another time zone and locale, and when worker threads render the letters (REPRO)", () => {
    const second = join(root, "second");
    const run = build(second, ["--workers", "2"], { TZ: "Asia/Ho_Chi_Minh", LANG: "vi_VN.UTF-8", LC_ALL: "vi_VN.UTF-8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).workers).toBe(2);
    expect(hashTree(join(second, "qd-503-2013"))).toEqual(tree);
  });

  it("--agency rebuilds only that packet, identically, and leaves everything else untouched", () => {
    const docx = join(first, "qd-503-2013", "qd-503-2013.docx");
    const before = statSync(docx).mtimeMs;
    const single = build(first, ["--agency", "Sở Tư pháp"]);
    expect(single.status).toBe(0);
    expect(JSON.parse(single.stdout).letters).toBe(1);
    expect(statSync(docx).mtimeMs).toBe(before);
    expect(hashTree(join(first, "qd-503-2013"))).toEqual(tree);
  });

  it("--agency after an edit: that packet changes, and the folder's manifest lists its new files and fingerprint", () => {
    const folder = join(root, "edited");
    cpSync(join(first, "qd-503-2013"), join(folder, "qd-503-2013"), { recursive: true });
    const edited = join(root, "edited.yaml");
    const source = readFileSync(SEED_MODEL_FILE, "utf8");
    expect(source).toContain("Xây dựng và thực hiện Kế hoạch rà soát các văn bản QPPL đã ban hành");
    writeFileSync(edited, source.replace("Xây dựng và thực hiện Kế hoạch rà soát các văn bản QPPL đã ban hành", "Rà soát các văn bản QPPL"));
    const run = runCli(["build", edited, "-o", folder, "--agency", "so-tu-phap", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const after = hashTree(join(folder, "qd-503-2013"));
    const changed = Object.keys(after).filter((path) => after[path] !== tree[path]).sort();
    expect(changed).toEqual(["manifest.json", "packets/so-tu-phap/cong-van-so-tu-phap.docx", "packets/so-tu-phap/cong-van-so-tu-phap.pdf", "packets/so-tu-phap/manifest.json", "packets/so-tu-phap/phu-luc-so-tu-phap.xlsx"]);
    const manifest = JSON.parse(readFileSync(join(folder, "qd-503-2013", "manifest.json"), "utf8"));
    for (const entry of manifest.files) expect(entry.sha256, entry.path).toBe(after[entry.path]);
    const before = JSON.parse(readFileSync(join(first, "qd-503-2013", "manifest.json"), "utf8"));
    expect(manifest.units["packet:so-tu-phap"].input).not.toBe(before.units["packet:so-tu-phap"].input);
    expect({ ...manifest.units, "packet:so-tu-phap": undefined }).toEqual({ ...before.units, "packet:so-tu-phap": undefined });
  });

  it("rejects an unknown agency with a diagnostic", () => {
    const bad = build(join(root, "bad"), ["--agency", "Sở Không Có"]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).diagnostics[0].ruleId).toBe("agency/unknown-id");
  });

  it("stops on a user template with a misspelt field, naming it, and writes nothing", () => {
    const templates = join(root, "templates");
    cpSync("templates", templates, { recursive: true });
    const opening = join(templates, "letter", "opening.hbs");
    writeFileSync(opening, `${readFileSync(opening, "utf8")}{{agency.nmae}}`);
    const out = join(root, "bad-template");
    const bad = runCli(["build", SEED_MODEL_FILE, "-o", out, "--templates", templates]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/template\/field/);
    expect(bad.stderr).toContain("nmae");
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(out, "qd-503-2013"))).toBe(false);
  });

  it("runs the layout checker on the DOCX it wrote: a failing rule stops the build, --no-check skips it", () => {
    const model = join(root, "vv.yaml");
    writeFileSync(model, readFileSync(SEED_MODEL_FILE, "utf8").replace("subject: BAN HÀNH", "subject: V/v BAN HÀNH"));
    const out = join(root, "vv");
    const checked = runCli(["build", model, "-o", out, "--agency", "so-y-te", "--json"]);
    expect(checked.status).toBe(0); // --agency builds packets only: no DOCX to check
    const failed = runCli(["build", model, "-o", out, "--json"]);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain("TITLE-VV");
    expect(existsSync(join(out, "qd-503-2013", "qd-503-2013.docx"))).toBe(false);
    expect(runCli(["build", model, "-o", out, "--no-check", "-q"]).status).toBe(0);
    expect(existsSync(join(out, "qd-503-2013", "qd-503-2013.docx"))).toBe(true);
  });

  it("rejects a template folder without letter templates", () => {
    const bad = runCli(["build", SEED_MODEL_FILE, "-o", join(root, "bad"), "--templates", root]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/template\//);
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(root, "bad", "qd-503-2013"))).toBe(false);
  });
});

/** Starts a build and sends `signal` once its temporary folder exists, i.e. in the middle of writing. */
async function interruptBuild(out: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, ["dist/cli/main.js", "build", SEED_MODEL_FILE, "-o", out, "--workers", "0"], { stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? -1 : null))));
  for (let i = 0; i < 2000; i++) {
    if (existsSync(out) && readdirSync(out).some((e) => e.startsWith(".qd-503-2013.tmp-"))) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  // Let it write some files first.
  await new Promise((r) => setTimeout(r, 150));
  child.kill(signal);
  return exited;
}

describe("atomic builds", () => {
  const out = join(root, "atomic");
  build(out);
  const before = hashTree(join(out, "qd-503-2013"));

  it("SIGKILL mid-build leaves the previous outputs intact; the next run removes the stray folder", async () => {
    await interruptBuild(out, "SIGKILL");
    expect(hashTree(join(out, "qd-503-2013"))).toEqual(before);
    expect(readdirSync(out).filter((e) => e.startsWith(".qd-503-2013.tmp-"))).toHaveLength(1);
    expect(build(out).status).toBe(0);
    expect(readdirSync(out)).toEqual(["qd-503-2013"]);
    expect(hashTree(join(out, "qd-503-2013"))).toEqual(before);
  });

  it("SIGINT mid-build exits 130, keeps the previous outputs and leaves no temporary folder", async () => {
    const code = await interruptBuild(out, "SIGINT");
    expect(code).toBe(130);
    expect(readdirSync(out)).toEqual(["qd-503-2013"]);
    expect(hashTree(join(out, "qd-503-2013"))).toEqual(before);
  });
});
