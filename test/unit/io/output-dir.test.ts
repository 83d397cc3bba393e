/**
 * The commit of an output folder, cut at every step as a kill would cut it (a hook throws; nothing is cleaned
 * up, as after SIGKILL): whatever the next command finds is a complete folder whose manifest matches its files.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMIT_STEPS, completeOutputFolder, OutputPathError, OutputTransaction, recoverInterrupted } from "../../../src/io/output-dir.ts";
import { hashTree } from "../../support/cli.ts";

const sha = (data: string) => createHash("sha256").update(data).digest("hex");

/** A build folder's files and a manifest of them, as a build writes them. */
function version(tag: string): Record<string, string> {
  const files: Record<string, string> = { "doc.docx": `docx ${tag}`, "packets/a/letter.pdf": `pdf ${tag}` };
  const manifest = { files: Object.entries(files).map(([path, text]) => ({ path, sha256: sha(text) })) };
  return { ...files, "manifest.json": JSON.stringify(manifest) };
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** The folder is complete: its manifest lists exactly its other files with their hashes. */
function expectComplete(target: string): string {
  const { "manifest.json": _manifest, ...files } = hashTree(target);
  const manifest = JSON.parse(readFileSync(join(target, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(files);
  return readFileSync(join(target, "doc.docx"), "utf8");
}

async function killedCommit(target: string, step: string): Promise<void> {
  const transaction = await OutputTransaction.begin(target, {
    beforeCommitStep: (s) => {
      if (s === step) throw new Error(`killed before ${s}`);
    },
  });
  for (const [path, text] of Object.entries(version("new"))) await transaction.write(path, new TextEncoder().encode(text));
  await expect(transaction.commit()).rejects.toThrow(/killed/);
}

describe("atomic output folder commits", () => {
  it.each(COMMIT_STEPS)("a kill before the step %s leaves the old or the new folder, complete, after recovery", async (step) => {
    const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
    const target = join(parent, "doc");
    writeTree(target, version("old"));
    await killedCommit(target, step);
    await recoverInterrupted(target);
    // sealed = the build had finished: recovery completes the commit rather than losing it
    expect(expectComplete(target)).toBe(step === "seal" ? "docx old" : "docx new");
    expect(readdirSync(parent)).toEqual(["doc"]);
  });

  it.each(COMMIT_STEPS)("the first build killed before %s: no folder, or a complete one", async (step) => {
    const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
    const target = join(parent, "doc");
    await killedCommit(target, step);
    await recoverInterrupted(target);
    if (step === "seal") expect(readdirSync(parent)).toEqual([]);
    else expect(expectComplete(target)).toBe("docx new");
  });

  it("a reader that finds the folder missing between the two renames completes it first", async () => {
    const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
    const target = join(parent, "doc");
    writeTree(target, version("old"));
    await killedCommit(target, "swap");
    expect(readdirSync(parent)).not.toContain("doc");
    await completeOutputFolder(target, "vanban diff");
    expect(expectComplete(target)).toBe("docx new");
    expect(readdirSync(parent)).toEqual(["doc"]);
  });

  it("removes temporary folders of dead owners only", async () => {
    const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
    const target = join(parent, "doc");
    writeTree(target, version("old"));
    // the parent of this test process is alive and is not this process
    mkdirSync(join(parent, `.doc.tmp-${process.ppid}`));
    mkdirSync(join(parent, ".doc.tmp-999999999"));
    await recoverInterrupted(target);
    expect(readdirSync(parent).sort()).toEqual([`.doc.tmp-${process.ppid}`, "doc"]);
  });

  it("never writes through a symbolic link in place of the folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "vanban-elsewhere-"));
    symlinkSync(elsewhere, join(parent, "doc"));
    await expect(OutputTransaction.begin(join(parent, "doc"))).rejects.toBeInstanceOf(OutputPathError);
    expect(readdirSync(parent)).toEqual(["doc"]);
  });

  describe("a rebuild that changes nothing", () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    async function rebuild(target: string, files: Record<string, string>, reused: string[] = []): Promise<void> {
      const transaction = await OutputTransaction.begin(target);
      for (const [path, text] of Object.entries(files)) {
        await (reused.includes(path) ? transaction.reuse(path, encode(text), join(target, path)) : transaction.write(path, encode(text)));
      }
      await transaction.commit();
    }
    const inodes = (target: string) => Object.keys(version("old")).map((path) => statSync(join(target, path)).ino);

    it("the same files, written or kept: the folder and every file stay as they were, nothing beside them", async () => {
      const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
      const target = join(parent, "doc");
      writeTree(target, version("old"));
      const [folder, files] = [statSync(target).ino, inodes(target)];
      await rebuild(target, version("old"), ["packets/a/letter.pdf"]);
      expect([statSync(target).ino, inodes(target)]).toEqual([folder, files]);
      expect(readdirSync(parent)).toEqual(["doc"]);
    });

    it.each([
      ["one file differs (same size)", { ...version("old"), "doc.docx": "docx new" }],
      ["one file fewer", { "doc.docx": "docx old" }],
    ])("%s: a new folder is committed, the unchanged files linked into it", async (_case, files) => {
      const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
      const target = join(parent, "doc");
      writeTree(target, version("old"));
      const folder = statSync(target).ino;
      const letter = statSync(join(target, "packets/a/letter.pdf")).ino;
      await rebuild(target, files, ["packets/a/letter.pdf"]);
      expect(statSync(target).ino).not.toBe(folder);
      expect(hashTree(target)).toEqual(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, sha(text)])));
      if ("packets/a/letter.pdf" in files) expect(statSync(join(target, "packets/a/letter.pdf")).ino).toBe(letter);
      expect(readdirSync(parent)).toEqual(["doc"]);
    });

    it("a path handed over twice is refused: the previous folder's file, linked in, is never written through", async () => {
      const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
      const target = join(parent, "doc");
      writeTree(target, version("old"));
      const transaction = await OutputTransaction.begin(target);
      await transaction.reuse("doc.docx", encode("docx old"), join(target, "doc.docx"));
      await transaction.write("packets/a/letter.pdf", encode("pdf new"));
      await expect(transaction.write("doc.docx", encode("docx new"))).rejects.toThrow(/doc\.docx was handed to the output folder twice/);
      await transaction.abort();
      expect(readFileSync(join(target, "doc.docx"), "utf8")).toBe("docx old");
      expect(readdirSync(parent)).toEqual(["doc"]);
    });

    it("an empty folder the build does not make goes with the old folder", async () => {
      const parent = mkdtempSync(join(tmpdir(), "vanban-commit-"));
      const target = join(parent, "doc");
      writeTree(target, version("old"));
      mkdirSync(join(target, "packets/b"));
      await rebuild(target, version("old"));
      expect(readdirSync(join(target, "packets"))).toEqual(["a"]);
    });
  });
});
