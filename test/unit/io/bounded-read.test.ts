/** Inputs are capped by the bytes actually read: stat says 0 for /dev/zero and a FIFO, which never end. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { readBounded, readRegularFileBoundedSync } from "../../../src/io/bounded-read.ts";
import { MAX_INPUT_BYTES, readTextInput } from "../../../src/io/read-text.ts";

const dir = mkdtempSync(join(tmpdir(), "vanban-bounded-"));

describe("bounded reads", () => {
  it("a file of exactly the limit is read whole; one byte more is truncated", async () => {
    const file = join(dir, "ten.txt");
    writeFileSync(file, "0123456789");
    expect(await readBounded(file, 10)).toMatchObject({ truncated: false, bytes: new TextEncoder().encode("0123456789") });
    const over = await readBounded(file, 9);
    expect(over.truncated).toBe(true);
    expect(over.bytes.byteLength).toBe(9);
  });

  it("/dev/zero stops at the limit with input/too-large naming it", async () => {
    const input = await readTextInput("/dev/zero");
    expect(input.text).toBeUndefined();
    expect(input.diagnostics.map((d) => d.ruleId)).toEqual(["input/too-large"]);
    expect(input.diagnostics[0]!.message).toContain(String(MAX_INPUT_BYTES));
  });

  it("a FIFO fed without end stops at the limit", async () => {
    const fifo = join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const writer = spawn("sh", ["-c", `yes vanban > '${fifo}'`], { stdio: "ignore" });
    onTestFinished(() => void writer.kill("SIGKILL"));
    const input = await readTextInput(fifo, 1024 * 1024);
    expect(input.diagnostics.map((d) => d.ruleId)).toEqual(["input/too-large"]);
    expect(input.diagnostics[0]!.message).toContain(String(1024 * 1024));
  });

  it("a previous build's file is read synchronously within its limit, and a FIFO in its place is refused, not waited on", () => {
    const file = join(dir, "previous.pdf");
    writeFileSync(file, "x".repeat(100_000));
    expect(readRegularFileBoundedSync(file, 100_000)).toMatchObject({ truncated: false });
    expect(readRegularFileBoundedSync(file, 100_000).bytes.byteLength).toBe(100_000);
    expect(readRegularFileBoundedSync(file, 70_000)).toMatchObject({ truncated: true });
    const fifo = join(dir, "previous-fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // no writer: a blocking open would never return
    expect(() => readRegularFileBoundedSync(fifo, 1024)).toThrow(/not a regular file/);
    expect(() => readRegularFileBoundedSync(dir, 1024)).toThrow();
  });
});
