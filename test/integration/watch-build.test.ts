/**
 * `watch` in one window and `build` in another on the same output folder (#17): a watch that finds a build
 * writing waits for it; a build that finds the watch writing fails at once (exit 3, output/busy naming the
 * watch). Each time the folder ends complete, its manifest matching its files, holding the last model saved.
 * The watch is a child process (it runs until a signal); the build runs in this process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { EXIT } from "../../src/cli/output.ts";
import { CHILD_PROCESS_SKIP, CLI_ENTRY, hashTree, runCliInProcess, STACK_LINE } from "../support/cli.ts";
import { writeSmallModel } from "../support/seed.ts";


/** The folder is complete: its manifest lists exactly its other files, with their SHA-256. */
function expectComplete(folder: string): void {
  const { "manifest.json": _manifest, ...files } = hashTree(folder);
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(files);
}

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`watch and build on one output folder${CHILD_PROCESS_SKIP}`, () => {
  it("one waits or fails with output/busy; the folder ends complete with the last model saved", async () => {
    const root = mkdtempSync(join(tmpdir(), "vanban-watch-build-"));
    // a small model, DOCX only, no layout check: the lock depends on none of them
    const model = writeSmallModel(root);
    const original = readFileSync(model, "utf8");
    const out = join(root, "out");
    const flags = ["-o", out, "--formats", "docx"];
    const child = spawn(process.execPath, [CLI_ENTRY, "watch", model, ...flags], { env: { ...process.env, NO_COLOR: "1" } });
    onTestFinished(() => void child.kill("SIGKILL"));
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const count = (pattern: RegExp) => (log.match(pattern) ?? []).length;
    const waitFor = async (done: () => boolean, what: string) => {
      for (let i = 0; i < 2400 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(done(), `${what}\n${log}`).toBe(true);
    };
    const watchBuilds = () => count(/^built /gm);

    await waitFor(() => watchBuilds() === 1, "the watch's first build");
    const folder = join(out, "qd-503-2013");
    const lockFile = join(out, ".qd-503-2013.lock");
    const save = (deadline: string) => writeFileSync(model, original.replace("deadline: Quý II", `deadline: ${deadline}`));
    const expectLastSaved = (deadline: string) => {
      expect(readdirSync(out)).toEqual(["qd-503-2013"]);
      expectComplete(folder);
      expect(readFileSync(join(folder, "model.yaml"), "utf8")).toContain(`deadline: ${deadline}`);
    };

    // a build started by hand holds the folder (its lock, as a build writes it): the watch's rebuild waits
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: `vanban build ${model}`, token: "by-hand" }));
    save("Quý III");
    await waitFor(() => count(/\(build 2\) —/g) === 1, "the watch's second rebuild starting");
    await new Promise((r) => setTimeout(r, 1500));
    expect(watchBuilds(), log).toBe(1);
    expect(log).not.toMatch(/ error /);
    rmSync(lockFile);
    await waitFor(() => watchBuilds() === 2, "the watch's rebuild once the lock is gone");
    expectLastSaved("Quý III");

    // a build while the watch rebuilds: whichever locks first writes; a build finding the watch fails at once
    save("Quý IV");
    await waitFor(() => count(/\(build 3\) —/g) === 1, "the watch's third rebuild starting");
    const build = await runCliInProcess(["build", model, ...flags, "--no-check", "-q"]);
    expect([EXIT.ok, EXIT.busy], build.stderr).toContain(build.status);
    if (build.status === EXIT.busy) expect(build.stderr).toMatch(/error output\/busy .*PID \d+ on .*: vanban watch /);
    expect(build.stderr).not.toMatch(STACK_LINE);
    await waitFor(() => watchBuilds() === 3, "the watch's third rebuild done");
    expectLastSaved("Quý IV");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(log).not.toMatch(STACK_LINE);
    expect(log).not.toMatch(/ error /);
  }, 180_000);
});
