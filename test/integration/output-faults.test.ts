/**
 * A build that cannot write its output ends with a diagnostic that names the path and says what to do, exit
 * code 4, no stack trace, and the previous outputs kept: -o at a file, a broken symbolic link, and (injected
 * through node:fs/promises and node:fs, since this runs as root and on one disk) permission denied, a
 * read-only file system and a full disk in the middle of writing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EXIT } from "../../src/cli/output.ts";
import { runCliInProcess, STACK_LINE } from "../support/cli.ts";
import { writeSmallModel } from "../support/seed.ts";

/** The error that writes under `under` fail with, while set. */
const fault = vi.hoisted(() => ({ code: undefined as string | undefined, under: "" }));
const injected = vi.hoisted(() => (path: unknown, syscall: string) => {
  if (!fault.code || !String(path).startsWith(fault.under)) return undefined;
  return Object.assign(new Error(`${fault.code}: injected, ${syscall} '${String(path)}'`), { code: fault.code, path: String(path), syscall });
});

// the build's files are written synchronously (output-dir.ts), its folders made both ways
vi.mock("node:fs", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof real.writeFileSync = (path, ...rest) => {
    const error = injected(path, "open");
    if (error) throw error;
    return real.writeFileSync(path, ...rest);
  };
  const mkdirSync = ((path: Parameters<typeof real.mkdirSync>[0], options?: Parameters<typeof real.mkdirSync>[1]) => {
    const error = injected(path, "mkdir");
    if (error) throw error;
    return real.mkdirSync(path, options);
  }) as typeof real.mkdirSync;
  return { ...real, writeFileSync, mkdirSync, default: { ...real, writeFileSync, mkdirSync } };
});

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof real.writeFile = async (path, ...rest) => {
    const error = injected(path, "open");
    if (error) throw error;
    return real.writeFile(path, ...rest);
  };
  const mkdir = (async (path: Parameters<typeof real.mkdir>[0], options?: Parameters<typeof real.mkdir>[1]) => {
    const error = injected(path, "mkdir");
    if (error) throw error;
    return real.mkdir(path, options);
  }) as typeof real.mkdir;
  return { ...real, writeFile, mkdir, default: { ...real, writeFile, mkdir } };
});

const root = mkdtempSync(join(tmpdir(), "vanban-faults-"));
// a small model: where the outputs fail to be written does not depend on the model's size
const MODEL = writeSmallModel(root);

async function build(out: string) {
  const run = await runCliInProcess(["build", MODEL, "-o", out, "--workers", "0", "--json"]);
  expect(run.stderr).not.toMatch(STACK_LINE);
  const report = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { ruleId: string; message: string; hint?: string; file?: string }[] };
  return { status: run.status, report, failure: report.diagnostics.find((d) => d.ruleId.startsWith("output/")) };
}

/** A folder holding a previous build (a stand-in: the failed build must leave it exactly as it was). */
function previousBuild(name: string): string {
  const out = join(root, name);
  mkdirSync(join(out, "qd-503-2013"), { recursive: true });
  writeFileSync(join(out, "qd-503-2013", "previous.txt"), "the last good outputs");
  return out;
}

function expectPreviousKept(out: string): void {
  expect(readdirSync(out)).toEqual(["qd-503-2013"]);
  expect(readFileSync(join(out, "qd-503-2013", "previous.txt"), "utf8")).toBe("the last good outputs");
}

describe("output failures", () => {
  it("-o at a file: output/unwritable, exit 4", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "not a folder");
    const { status, failure } = await build(file);
    expect(status).toBe(EXIT.output);
    expect(failure).toMatchObject({ ruleId: "output/unwritable" });
    expect(failure!.message).toMatch(/a file is in the way/);
    expect(readFileSync(file, "utf8")).toBe("not a folder");
  });

  it("-o at a broken symbolic link: says where it points, exit 4", async () => {
    const link = join(root, "broken-link");
    symlinkSync(join(root, "missing", "folder"), link);
    const { status, failure } = await build(link);
    expect(status).toBe(EXIT.output);
    expect(failure!.message).toContain(join(root, "missing", "folder"));
  });

  it.each([
    ["EACCES", /permission denied/],
    ["EROFS", /read-only/],
  ])("%s on the output folder: output/unwritable naming it, exit 4", async (code, reason) => {
    const out = previousBuild(`denied-${code}`);
    fault.code = code;
    fault.under = out;
    try {
      const { status, failure } = await build(out);
      expect(status).toBe(EXIT.output);
      expect(failure).toMatchObject({ ruleId: "output/unwritable" });
      expect(failure!.message).toMatch(reason);
      expect(failure!.message).toContain(out);
      expect(failure!.hint).toMatch(/-o/);
    } finally {
      fault.code = undefined;
    }
    expectPreviousKept(out);
  });

  it("ENOSPC while writing the outputs: output/unwritable, exit 4, the previous outputs kept and no temporary folder", async () => {
    const out = previousBuild("full");
    fault.code = "ENOSPC";
    // the files inside the build's temporary folder, not the folder itself: the disk fills up mid-build
    fault.under = `${join(out, `.qd-503-2013.tmp-${process.pid}`)}/`;
    try {
      const { status, failure } = await build(out);
      expect(status).toBe(EXIT.output);
      expect(failure!.message).toMatch(/the disk is full/);
      expect(failure!.hint).toMatch(/previous outputs were kept/);
    } finally {
      fault.code = undefined;
    }
    expectPreviousKept(out);
  });
});
