/**
 * vanban reinstalled or rebuilt while it runs (`npm ci` during a long build or a `watch`): a chunk of the
 * bundle it loads later is gone. That is internal/installation-changed with exit 70 and the previous outputs
 * kept, not the output/unwritable the ENOENT underneath would read as. The bundle is copied into dist/ (so that
 * its dependencies resolve from the project's node_modules) and run there, in a child process: its chunks
 * patch pdfmake, which this process's modules patch already.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHILD_PROCESS_SKIP, CLI_ENTRY, STACK_LINE } from "../support/cli.ts";
import { SEED_MODEL_FILE } from "../support/seed.ts";
import { EXIT } from "../../src/cli/output.ts";
import { installationChanged, installationChangedDiagnostic } from "../../src/cli/installation.ts";

describe("the diagnostic of a file of vanban's that cannot be loaded", () => {
  it("names the file and the reason whole, whatever either holds", () => {
    const cause = Object.assign(new Error("EACCES: permission denied, open '/opt/vanban: old/cli.js'"), { code: "EACCES" });
    const diagnostic = installationChangedDiagnostic(installationChanged("/opt/vanban: old/cli.js", cause));
    expect(diagnostic).toMatchObject({ ruleId: "internal/installation-changed", file: "/opt/vanban: old/cli.js" });
    expect(diagnostic!.message).toContain("/opt/vanban: old/cli.js (EACCES: permission denied, open '/opt/vanban: old/cli.js')");
    expect(installationChangedDiagnostic(new Error("another failure"))).toBeUndefined();
  });
});

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`a bundle chunk gone while vanban runs${CHILD_PROCESS_SKIP}`, () => {
  const copy = mkdtempSync(join("dist", ".bundle-test-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("is internal/installation-changed, exit 70, no stack trace, and the build writes nothing", () => {
    cpSync(join(CLI_ENTRY, ".."), copy, { recursive: true, preserveTimestamps: true });
    // the workbook writer's chunk: loaded only when the build renders the first workbook
    const chunk = readdirSync(copy).find((name) => /^cli-appendix-xlsx-\w+\.js$/.test(name));
    expect(chunk).toBeDefined();
    rmSync(join(copy, chunk!));
    const out = mkdtempSync(join(tmpdir(), "vanban-reinstalled-"));
    const run = spawnSync(process.execPath, [join(copy, "main.js"), "build", SEED_MODEL_FILE, "-o", out, "--formats", "docx", "--no-check", "--workers", "0"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(EXIT.internal);
    expect(run.stderr).toMatch(new RegExp(`error internal/installation-changed vanban cannot load its own file \\S*${chunk!.replace(/\./g, "\\.")} \\(it is not there\\)`));
    expect(run.stderr).toMatch(/hint: run the command again/);
    expect(run.stderr).not.toMatch(/output\/unwritable/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(out, "qd-503-2013"))).toBe(false);
    expect(readdirSync(out).filter((name) => !name.endsWith(".lock"))).toEqual([]);
  });
});
