/**
 * A bounded property test of concurrent writers and kills on one output folder, with the real lock and
 * commit (no rendering: each writer's folder is a few files and their manifest, different in number per
 * writer, so a mixed folder shows). Each round, two writers start together, each waiting or not and each
 * killed (or not) before a commit step; after the round the next command's recovery runs. Whatever happened,
 * the folder is then complete (its manifest lists exactly its files), it is the folder of the last writer that
 * sealed one (a kill after sealing loses nothing), and nothing is left beside it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMIT_STEPS, OutputTransaction, recoverInterrupted, type CommitStep } from "../../src/io/output-dir.ts";
import { acquireOutputLock, OutputBusyError } from "../../src/io/output-lock.ts";
import { hashTree } from "../support/cli.ts";

/** Runs per property: sized for `npm test`; VANBAN_PROPERTY_SCALE=10 for a deeper run. */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.VANBAN_PROPERTY_SCALE ?? 1)));
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

class Killed extends Error {}

/** A writer's folder: 1 to 4 packets by its number, and a manifest of them. */
function folderOf(writer: number): Record<string, string> {
  const files: Record<string, string> = { "doc.docx": `decision ${writer}` };
  for (let p = 0; p <= writer % 4; p++) files[`packets/p${p}/letter.pdf`] = `letter ${p} of ${writer}`;
  return { ...files, "manifest.json": JSON.stringify({ writer, files: Object.entries(files).map(([path, text]) => ({ path, sha256: sha(text) })) }) };
}

interface Writer {
  wait: boolean;
  killAt: CommitStep | undefined;
}

/** `sealed` gets the writer once its new folder is complete (sealed): from then on it must win, kill or not. */
async function write(target: string, writer: number, how: Writer, sealed: number[]): Promise<"busy" | "killed" | "committed"> {
  let lock;
  try {
    lock = await acquireOutputLock(target, { command: `writer ${writer}`, waitMs: how.wait ? 5000 : 0 });
  } catch (error) {
    if (error instanceof OutputBusyError) return "busy";
    throw error;
  }
  // a killed writer's lock is taken over by the next (its PID is dead then): here it is released
  try {
    await recoverInterrupted(target);
    const transaction = await OutputTransaction.begin(target, {
      beforeCommitStep: (step) => {
        if (step === "move-aside") sealed.push(writer);
        if (step === how.killAt) throw new Killed();
      },
    });
    for (const [path, text] of Object.entries(folderOf(writer))) await transaction.write(path, new TextEncoder().encode(text));
    try {
      await transaction.commit();
      return "committed";
    } catch (error) {
      if (error instanceof Killed) return "killed"; // no abort: a killed process cleans nothing up
      throw error;
    }
  } finally {
    await lock.release();
  }
}

/** The folder is one writer's, whole: the manifest lists exactly the files there. */
function expectComplete(target: string): number {
  const { "manifest.json": _manifest, ...files } = hashTree(target);
  const manifest = JSON.parse(readFileSync(join(target, "manifest.json"), "utf8")) as { writer: number; files: { path: string; sha256: string }[] };
  expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(files);
  return manifest.writer;
}

const writerArb = fc.record({ wait: fc.boolean(), killAt: fc.constantFrom(undefined, undefined, ...COMMIT_STEPS) });

describe("concurrent writers and kills on one output folder", () => {
  it("every round leaves a complete folder of one writer and nothing beside it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(writerArb, writerArb), { minLength: 1, maxLength: 20 }), async (rounds) => {
        const parent = mkdtempSync(join(tmpdir(), "vanban-rounds-"));
        const target = join(parent, "doc");
        let next = 0;
        const sealed: number[] = [];
        for (const [a, b] of rounds) {
          const ids = [next++, next++];
          const outcomes = await Promise.all([write(target, ids[0]!, a, sealed), write(target, ids[1]!, b, sealed)]);
          // both wrote only if one waited for the other
          if (!a.wait && !b.wait) expect(outcomes.filter((o) => o !== "busy").length).toBeGreaterThanOrEqual(1);
          const lock = await acquireOutputLock(target, { command: "the next command" });
          await recoverInterrupted(target);
          await lock.release();
          if (sealed.length === 0) expect(existsSync(target)).toBe(false);
          else expect(expectComplete(target)).toBe(sealed.at(-1));
          expect(readdirSync(parent).filter((entry) => entry !== "doc")).toEqual([]);
        }
      }),
      { numRuns: runs(8), seed: 2013, endOnFailure: true },
    );
  });
});
