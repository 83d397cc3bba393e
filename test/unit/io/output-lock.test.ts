/** The lock of an output folder: one writer at a time, stale locks of dead processes taken over. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { acquireOutputLock, isProcessAlive, lockFileOf, OutputBusyError, type LockHolder } from "../../../src/io/output-lock.ts";

const fresh = () => join(mkdtempSync(join(tmpdir(), "vanban-lock-")), "doc");

/** The PID of a process that has exited: nothing runs under it (until the system reuses it, long after). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

function writeLock(target: string, holder: Partial<LockHolder>): void {
  writeFileSync(lockFileOf(target), JSON.stringify({ host: hostname(), started: "2013-02-06T00:00:00.000Z", command: "vanban build x.yaml", token: "t", ...holder }));
}

describe("output folder lock", () => {
  it("records the holder's PID, host, start time and command, and is gone after release", async () => {
    const target = fresh();
    const lock = await acquireOutputLock(target, { command: "vanban build m.yaml" });
    const holder = JSON.parse(readFileSync(lockFileOf(target), "utf8"));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: "vanban build m.yaml" });
    expect(Number.isNaN(Date.parse(holder.started))).toBe(false);
    await lock.release();
    expect(existsSync(lockFileOf(target))).toBe(false);
  });

  it("a second writer fails at once while the first holds the lock (also in the same process)", async () => {
    const target = fresh();
    const first = await acquireOutputLock(target, { command: "first" });
    const second = acquireOutputLock(target, { command: "second" });
    await expect(second).rejects.toBeInstanceOf(OutputBusyError);
    await expect(second).rejects.toMatchObject({ holder: { command: "first", pid: process.pid }, target });
    await first.release();
    await (await acquireOutputLock(target, { command: "third" })).release();
  });

  it("--wait: the second writer gets the lock when the first releases it", async () => {
    const target = fresh();
    const first = await acquireOutputLock(target, { command: "first" });
    setTimeout(() => void first.release(), 300);
    const started = Date.now();
    const second = await acquireOutputLock(target, { command: "second", waitMs: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(JSON.parse(readFileSync(lockFileOf(target), "utf8")).command).toBe("second");
    await second.release();
  });

  it("--wait is bounded: a holder that stays gives up after the wait", async () => {
    const target = fresh();
    const first = await acquireOutputLock(target, { command: "first" });
    const started = Date.now();
    await expect(acquireOutputLock(target, { command: "second", waitMs: 300 })).rejects.toBeInstanceOf(OutputBusyError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(5000);
    await first.release();
  });

  it("takes over the lock of a dead process of this host, with a warning", async () => {
    const target = fresh();
    const pid = deadPid();
    expect(isProcessAlive(pid)).toBe(false);
    writeLock(target, { pid, token: "dead" });
    const stale: (LockHolder | undefined)[] = [];
    const lock = await acquireOutputLock(target, { command: "new", onStale: (holder) => stale.push(holder) });
    expect(stale.map((h) => h?.pid)).toEqual([pid]);
    expect(JSON.parse(readFileSync(lockFileOf(target), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it.skipIf(process.platform !== "linux")("takes over a lock whose PID now belongs to another program (not a build)", async () => {
    const target = fresh();
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    onTestFinished(() => void other.kill("SIGKILL"));
    writeLock(target, { pid: other.pid!, token: "reused" });
    const stale: (LockHolder | undefined)[] = [];
    await (await acquireOutputLock(target, { command: "new", onStale: (holder) => stale.push(holder) })).release();
    expect(stale.map((h) => h?.pid)).toEqual([other.pid]);
  });

  it("a lock of another host counts as live (its PID cannot be checked from here)", async () => {
    const target = fresh();
    writeLock(target, { pid: deadPid(), host: "another-host.example" });
    await expect(acquireOutputLock(target, { command: "new" })).rejects.toMatchObject({ holder: { host: "another-host.example" } });
  });

  it("release leaves a lock that is no longer this holder's", async () => {
    const target = fresh();
    const lock = await acquireOutputLock(target, { command: "mine" });
    writeLock(target, { pid: process.pid, token: "someone-else" });
    await lock.release();
    expect(existsSync(lockFileOf(target))).toBe(true);
  });
});
