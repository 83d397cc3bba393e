/**
 * SIGTERM mid-build (a service manager stopping vanban, a closed terminal): exit 143, the half-written folder
 * and the lock removed, one line and no stack trace. A child process of the compiled CLI (SIGINT: build-cli).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { CHILD_PROCESS_SKIP, CLI_ENTRY, STACK_LINE } from "../support/cli.ts";
import { SEED_MODEL_FILE } from "../support/seed.ts";

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`vanban build and SIGTERM${CHILD_PROCESS_SKIP}`, () => {
  it("exits 143 and leaves neither a temporary folder nor a lock", async () => {
    const out = mkdtempSync(join(tmpdir(), "vanban-sigterm-"));
    // DOCX only, unchecked: a signal's handling depends on neither, and the build gets to its writing sooner
    const child = spawn(process.execPath, [CLI_ENTRY, "build", SEED_MODEL_FILE, "-o", out, "--workers", "0", "--formats", "docx", "--no-check"]);
    onTestFinished(() => void child.kill("SIGKILL"));
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 2000 && !readdirSync(out).some((e) => e.startsWith(".qd-503-2013.tmp-")); i++) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(log).toMatch(/vanban: interrupted \(SIGTERM\); previous outputs kept/);
    expect(log).not.toMatch(STACK_LINE);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, ".qd-503-2013.lock"))).toBe(false);
  });
});
