/**
 * Regenerating after edits: each edit fixture gives the expected diff, an incremental build rewrites exactly
 * the affected files (inode and hash), and the result equals a full build byte for byte.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { createPacketRenderer } from "../../src/pipeline/packet-renderer.ts";
import { diffModels } from "../../src/diff/model-diff.ts";
import { buildToFolder } from "../../src/pipeline/build-folder.ts";
import { parseModel } from "../../src/io/model-file.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import { resolveDecision } from "../../src/resolve/resolve-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../support/seed.ts";

const seedSource = readFileSync(SEED_MODEL_FILE, "utf8");
const env = await validationEnv();
const ctx = await createRenderContext("nd30");
const { renderer } = await createPacketRenderer(ctx, { workers: "0", formats: ["docx"] });

function tree(dir: string): Map<string, { sha: string; ino: number }> {
  const out = new Map<string, { sha: string; ino: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), { sha: createHash("sha256").update(readFileSync(p)).digest("hex"), ino: statSync(p).ino });
    }
  };
  walk(dir);
  return out;
}

async function build(source: string, target: string, force = false) {
  const resolved = resolveDecision(parseModel(source, "model.yaml").decision!, env.resolver);
  // DOCX only: what is reused and what is rewritten does not depend on the formats (the PDFs would double the time)
  return buildToFolder(resolved, env.resolver, ctx, renderer!, { target, source, toolVersion: "test", force, formats: ["docx"] });
}

/** A deadline edit and a renamed group are in test/unit/diff/clerk-edits.test.ts (and the watch tests). */
const EDITS: { name: string; edit: (s: string) => string; expect: { tasks: string[]; groups: string[]; packets: number } }[] = [
  {
    name: "swap a lead agency",
    edit: (s) => s.replace("lead: Sở Y tế\n", "lead: Sở Nội vụ\n"),
    // every supporting department's letter shows the lead cell as written, so all of them change
    expect: { tasks: ["changed III.5 lead"], groups: [], packets: 21 },
  },
  {
    name: "add a task",
    edit: (s) =>
      s.replace(
        "      - group: VII\n",
        [
          "          - number: \"7\"",
          "            content: Nhiệm vụ bổ sung",
          "            product: Báo cáo",
          "            lead: Sở Ngoại vụ",
          "            support: Thanh tra tỉnh",
          "            deadline: Quý IV",
          "      - group: VII\n",
        ].join("\n"),
      ),
    // the second group VI (positional VII) gets a seventh row
    expect: { tasks: ["added VII.7"], groups: [], packets: 2 },
  },
];

describe("incremental builds after edits", async () => {
  const root = mkdtempSync(join(tmpdir(), "vanban-incremental-"));
  const base = join(root, "base");
  await build(seedSource, base);
  const before = tree(base);

  for (const [i, fixture] of EDITS.entries()) {
    it(fixture.name, async () => {
      const edited = fixture.edit(seedSource);
      expect(edited).not.toBe(seedSource);
      const oldModel = resolveDecision(parseModel(seedSource, "a.yaml").decision!, env.resolver);
      const newModel = parseModel(edited, "b.yaml");
      expect(newModel.diagnostics).toEqual([]);
      const diff = diffModels(oldModel, resolveDecision(newModel.decision!, env.resolver));
      expect(diff.tasks.map((t) => `${t.kind} ${t.ref}${t.fields.length && t.kind === "changed" ? ` ${t.fields.map((f) => f.field).join(",")}` : ""}`)).toEqual(fixture.expect.tasks);
      expect(diff.groups.map((g) => `${g.kind} ${g.label}`)).toEqual(fixture.expect.groups);
      expect(diff.affectedAgencies).toHaveLength(fixture.expect.packets);

      // incremental: copy of the base build (same bytes and manifest as building it again), then the edited model on top of it
      const incremental = join(root, `inc-${i}`);
      cpSync(base, incremental, { recursive: true });
      const baseline = tree(incremental);
      const result = await build(edited, incremental);
      const after = tree(incremental);
      const full = join(root, `full-${i}`);
      await build(edited, full, true);
      const fullTree = tree(full);

      // byte for byte equal to a full build; the change log is the one thing that depends on history,
      // so it is left out here and in the manifests' file lists
      const history = ["CHANGES.md", "manifest.json"];
      const shas = (t: Map<string, { sha: string }>) => new Map([...t].filter(([p]) => !history.includes(p)).map(([p, v]) => [p, v.sha]));
      expect(shas(after)).toEqual(shas(fullTree));
      const manifest = (dir: string) => {
        const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
        return { ...m, files: m.files.filter((f: { path: string }) => f.path !== "CHANGES.md") };
      };
      expect(manifest(incremental)).toEqual(manifest(full));

      // rewritten = affected packets (+ the documents, manifest, model and change log); everything else kept (same inode)
      const rewritten = [...after].filter(([p, v]) => baseline.get(p)?.ino !== v.ino).map(([p]) => p);
      const affectedDirs = new Set(diff.affectedAgencies.map((a) => result.packetDirs.get(a.id)!));
      const expected = [...after.keys()].filter((p) => {
        if (!p.startsWith("packets/")) return true;
        return affectedDirs.has(p.split("/").slice(0, 2).join("/"));
      });
      expect(rewritten.sort()).toEqual(expected.sort());
      expect(readFileSync(join(incremental, "CHANGES.md"), "utf8")).toContain(fixture.expect.tasks[0]!.split(" ")[1]!);
    });
  }

  it("an unchanged model leaves the folder untouched: no file, not the folder itself, is replaced", async () => {
    const folder = statSync(base).ino;
    const result = await build(seedSource, base);
    expect(result.reused).toHaveLength(42);
    const after = tree(base);
    expect([...after].filter(([p, v]) => before.get(p)?.ino !== v.ino).map(([p]) => p)).toEqual([]);
    expect(statSync(base).ino).toBe(folder);
    expect(readdirSync(join(base, "..")).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("an unchanged model onto a folder with a file of someone else's: the folder is rebuilt, every build file linked", async () => {
    const stray = join(base, "packets", "ghi-chu.txt");
    writeFileSync(stray, "ghi chú của văn thư");
    const folder = statSync(base).ino;
    await build(seedSource, base);
    // as any build does: the folder holds the build's files only (the stray file went with the previous folder)
    expect(existsSync(stray)).toBe(false);
    expect(statSync(base).ino).not.toBe(folder);
    const after = tree(base);
    expect([...after].filter(([p, v]) => before.get(p)?.ino !== v.ino).map(([p]) => p)).toEqual([]);
  });
});
