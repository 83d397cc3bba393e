/**
 * `vanban watch` when its folder goes away and comes back, and Ctrl-C in the middle of a rebuild: one child
 * process (a long-running watch stopped by a signal needs its own), the compiled CLI.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { CHILD_PROCESS_SKIP, CLI_ENTRY, hashTree, STACK_LINE } from "../support/cli.ts";
import { writeSmallModel } from "../support/seed.ts";

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`vanban watch under faults${CHILD_PROCESS_SKIP}`, () => {
  it("reports a deleted folder, rebuilds when it is back, and Ctrl-C during that rebuild exits 130 with the last outputs complete", async () => {
    const root = mkdtempSync(join(tmpdir(), "vanban-watch-"));
    const folder = join(root, "models");
    mkdirSync(folder);
    // a small model: what the watch does when its folder goes and comes back does not depend on its size
    writeSmallModel(folder);
    const out = join(root, "out");
    // DOCX only: what is watched does not depend on the formats
    const child = spawn(process.execPath, [CLI_ENTRY, "watch", join(folder, "model.yaml"), "-o", out, "--formats", "docx"], { env: { ...process.env, NO_COLOR: "1" } });
    onTestFinished(() => void child.kill("SIGKILL"));
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 3000 && !pattern.test(log); i++) await new Promise((r) => setTimeout(r, 50));
      expect(log).toMatch(pattern);
    };

    await waitFor(/^built /m);
    const first = hashTree(join(out, "qd-503-2013"));
    // moved away (as a deleted folder, from the watch's side), then back
    renameSync(folder, join(root, "elsewhere"));
    await waitFor(/warning watch\/folder-gone/);
    renameSync(join(root, "elsewhere"), folder);
    await waitFor(/— models is back \(build 2\) —/);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(log).toMatch(/vanban: interrupted \(SIGINT\); previous outputs kept/);
    expect(log).not.toMatch(STACK_LINE);
    expect(readdirSync(out)).toEqual(["qd-503-2013"]);
    const manifest = JSON.parse(readFileSync(join(out, "qd-503-2013", "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
    for (const entry of manifest.files) expect(first[entry.path], entry.path).toBe(entry.sha256);
    // a full build of the seed, then a rebuild: minutes when the machine runs other test files too
  }, 180_000);
});
