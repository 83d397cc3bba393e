/**
 * Two builds into one folder, in this process (the CLI's run(), as two commands a clerk starts together): one
 * writes, the other fails at once with output/busy and exit code 3, or waits for it with --wait; either way
 * the folder left is complete, its manifest matching its files. A lock left by a dead process is taken over
 * with a warning.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.ts";
import { EXIT } from "../../src/cli/output.ts";
import { hashTree, STACK_LINE } from "../support/cli.ts";
import { writeSmallModel } from "../support/seed.ts";

let output = "";
beforeEach(() => {
  output = "";
  // both commands write to this process's stdout and stderr: keep them, interleaved, for the assertions
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    });
  }
});
afterEach(() => vi.restoreAllMocks());

/** The folder is complete: its manifest lists exactly its other files, with their SHA-256. */
function expectComplete(folder: string): void {
  const { "manifest.json": _manifest, ...files } = hashTree(folder);
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(files);
}

// a small model, DOCX only and no layout check: the lock depends on none of them, and the seed's full build
// would take ten times as long
const MODEL = writeSmallModel(mkdtempSync(join(tmpdir(), "vanban-concurrent-model-")));
const build = (out: string, ...extra: string[]) => run(["build", MODEL, "-o", out, "--workers", "0", "-q", "--formats", "docx", "--no-check", ...extra]);

describe("concurrent builds into one folder", () => {
  it("exactly one of two builds writes; the other exits 3 naming the holder", async () => {
    const out = mkdtempSync(join(tmpdir(), "vanban-concurrent-"));
    const codes = await Promise.all([build(out), build(out)]);
    expect(codes.sort()).toEqual([EXIT.ok, EXIT.busy]);
    expect(output).toMatch(/error output\/busy .*PID \d+ on /);
    expect(output).not.toMatch(STACK_LINE);
    expect(readdirSync(out)).toEqual(["qd-503-2013"]);
    expectComplete(join(out, "qd-503-2013"));
  });

  it("with --wait the later build waits for the first, then builds on its outputs", async () => {
    const out = mkdtempSync(join(tmpdir(), "vanban-concurrent-"));
    // whichever takes the lock first: the other waits
    const codes = await Promise.all([build(out, "--wait", "300"), build(out, "--wait", "300")]);
    expect(codes).toEqual([EXIT.ok, EXIT.ok]);
    expect(output).toMatch(/units unchanged, copied/);
    expect(readdirSync(out)).toEqual(["qd-503-2013"]);
    expectComplete(join(out, "qd-503-2013"));
  });

  it("a build (also --agency) into a folder another build holds stops before it renders: exit 3, nothing written", async () => {
    const out = mkdtempSync(join(tmpdir(), "vanban-concurrent-"));
    writeFileSync(join(out, ".qd-503-2013.lock"), JSON.stringify({ pid: process.pid, host: hostname(), started: "2013-02-06T08:00:00.000Z", command: "vanban watch m.yaml", token: "live" }));
    for (const extra of [[], ["--agency", "so-tu-phap"]]) {
      output = "";
      const started = performance.now();
      expect(await build(out, ...extra)).toBe(EXIT.busy);
      expect(output).toMatch(/error output\/busy .*vanban watch m\.yaml/);
      // validation only: rendering the seed's letters takes several times as long
      expect(performance.now() - started).toBeLessThan(20_000);
    }
    expect(readdirSync(out)).toEqual([".qd-503-2013.lock"]);
  });

  it("takes over the lock of a build that died, with a warning, and removes only what dead builds left", async () => {
    const out = mkdtempSync(join(tmpdir(), "vanban-concurrent-"));
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    writeFileSync(join(out, ".qd-503-2013.lock"), JSON.stringify({ pid: dead, host: hostname(), started: "2013-02-06T08:00:00.000Z", command: "vanban build old.yaml", token: "dead" }));
    mkdirSync(join(out, `.qd-503-2013.tmp-${dead}`));
    // a live process's temporary folder (this test's parent) is not ours to remove
    mkdirSync(join(out, `.qd-503-2013.tmp-${process.ppid}`));
    expect(await build(out)).toBe(EXIT.ok);
    expect(output).toMatch(/warning output\/stale-lock .*PID \d+/);
    expect(readdirSync(out).sort()).toEqual([`.qd-503-2013.tmp-${process.ppid}`, "qd-503-2013"]);
    expect(existsSync(join(out, ".qd-503-2013.lock"))).toBe(false);
    expectComplete(join(out, "qd-503-2013"));
  });
});
