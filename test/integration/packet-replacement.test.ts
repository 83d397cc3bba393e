/**
 * `build --agency` replaces packets in a build folder in one transaction (src/pipeline/build-folder.ts
 * replacePackets): the rest of the folder is kept as it is (hard links), the manifest lists the new files, a
 * failure or a symbolic link leaves the folder as it was with no temporary folder anywhere.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutputPathError } from "../../src/io/output-dir.ts";
import { lockFileOf } from "../../src/io/output-lock.ts";
import { replacePackets, type PacketReplacement } from "../../src/pipeline/build-folder.ts";
import { hashTree } from "../support/cli.ts";

const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const entry = (path: string, text: string) => ({ path, bytes: Buffer.byteLength(text), sha256: sha(text) });

const OLD: Record<string, string> = {
  "doc.docx": "decision",
  "packets/a/letter.pdf": "letter a v1",
  "packets/b/letter.pdf": "letter b v1",
};

/** A build folder with a manifest of its files and units, as a full build leaves it. */
function buildFolder(): string {
  const target = join(mkdtempSync(join(tmpdir(), "vanban-packets-")), "doc");
  for (const [path, text] of Object.entries(OLD)) {
    mkdirSync(join(target, path, ".."), { recursive: true });
    writeFileSync(join(target, path), text);
  }
  const manifest = { files: Object.entries(OLD).map(([p, t]) => entry(p, t)), units: { "packet:a": { input: "a1", files: [] }, "packet:b": { input: "b1", files: [] } } };
  writeFileSync(join(target, "manifest.json"), JSON.stringify(manifest));
  return target;
}

/** A disk that fills up just before the commit step `at`. */
function diskFullAt(at: string): PacketReplacement["transaction"] {
  return {
    beforeCommitStep: (step) => {
      if (step === at) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    },
  };
}

function replacementOfA(): PacketReplacement {
  const text = "letter a v2";
  return {
    files: new Map([["packets/a/letter.pdf", new TextEncoder().encode(text)]]),
    result: { entries: [entry("packets/a/letter.pdf", text)], units: { "packet:a": { input: "a2", files: [] } }, packetDirs: new Map([["a", "packets/a"]]) },
  };
}

describe("build --agency: packet replacement", () => {
  it("replaces the packet, keeps every other file as it is and updates the manifest", async () => {
    const target = buildFolder();
    const docx = statSync(join(target, "doc.docx"));
    await replacePackets(target, replacementOfA());
    expect(readFileSync(join(target, "packets/a/letter.pdf"), "utf8")).toBe("letter a v2");
    expect(readFileSync(join(target, "packets/b/letter.pdf"), "utf8")).toBe("letter b v1");
    // the same file (a hard link), not a copy
    expect(statSync(join(target, "doc.docx")).ino).toBe(docx.ino);
    const manifest = JSON.parse(readFileSync(join(target, "manifest.json"), "utf8"));
    const { "manifest.json": _manifest, ...files } = hashTree(target);
    expect(Object.fromEntries(manifest.files.map((f: { path: string; sha256: string }) => [f.path, f.sha256]))).toEqual(files);
    expect(manifest.units["packet:a"].input).toBe("a2");
    expect(manifest.units["packet:b"].input).toBe("b1");
    expect(readdirSync(join(target, ".."))).toEqual(["doc"]);
  });

  it("a failure once the new folder is sealed completes the replacement; no temporary folder is left", async () => {
    const target = buildFolder();
    await expect(replacePackets(target, { ...replacementOfA(), transaction: diskFullAt("swap") })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readFileSync(join(target, "packets/a/letter.pdf"), "utf8")).toBe("letter a v2");
    expect(readFileSync(join(target, "packets/b/letter.pdf"), "utf8")).toBe("letter b v1");
    expect(readdirSync(join(target, "packets")).sort()).toEqual(["a", "b"]);
    expect(readdirSync(join(target, ".."))).toEqual(["doc"]);
  });

  it("a failure before the new folder is sealed leaves the folder exactly as it was", async () => {
    const target = buildFolder();
    const before = hashTree(target);
    await expect(replacePackets(target, { ...replacementOfA(), transaction: diskFullAt("seal") })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(hashTree(target)).toEqual(before);
    expect(readdirSync(join(target, "packets")).sort()).toEqual(["a", "b"]);
    expect(readdirSync(join(target, ".."))).toEqual(["doc"]);
  });

  it("refuses a packet folder that is a symbolic link, writing nothing", async () => {
    const target = buildFolder();
    const elsewhere = mkdtempSync(join(tmpdir(), "vanban-elsewhere-"));
    rmSync(join(target, "packets/a"), { recursive: true });
    symlinkSync(elsewhere, join(target, "packets/a"));
    await expect(replacePackets(target, replacementOfA())).rejects.toBeInstanceOf(OutputPathError);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(join(target, ".."))).toEqual(["doc"]);
    expect(readdirSync(join(target, "packets")).sort()).toEqual(["a", "b"]);
  });

  it("refuses a folder another build holds", async () => {
    const target = buildFolder();
    writeFileSync(lockFileOf(target), JSON.stringify({ pid: process.pid, host: hostname(), started: "x", command: "other", token: "other" }));
    await expect(replacePackets(target, replacementOfA())).rejects.toMatchObject({ name: "OutputBusyError" });
    expect(readFileSync(join(target, "packets/a/letter.pdf"), "utf8")).toBe("letter a v1");
  });
});
