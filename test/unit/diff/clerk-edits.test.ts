/**
 * Edits as a clerk makes them: the letters follow the text, and the change report lists exactly the packets
 * whose bytes change (rendered here in full, not taken from the fingerprints it shares with the build).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffModels, formatChanges } from "../../../src/diff/model-diff.ts";
import { MemorySink } from "../../../src/io/output-sink.ts";
import type { Decision, Group, Row } from "../../../src/model/schema.ts";
import { buildOutputs } from "../../../src/pipeline/build-outputs.ts";
import { createPacketRenderer } from "../../../src/pipeline/packet-renderer.ts";
import type { ResolvedDecision } from "../../../src/resolve/resolve-decision.ts";
import { loadSeed } from "../../support/seed-docx.ts";

const seed = await loadSeed();
// the letters as DOCX: which packets change does not depend on the format, and DOCX is the faster to render
const { renderer } = await createPacketRenderer(seed.ctx, { workers: "0", formats: ["docx"] });
const groupsOf = (d: Decision) => d.appendices[0]!.items as Group[];
const edit = (change: (d: Decision) => void): ResolvedDecision => {
  const copy = structuredClone(seed.decision);
  change(copy);
  return seed.resolve(copy);
};

/** SHA-256 of every agency's packet (its letter, its workbook, its manifest together), by agency id. */
async function packetHashes(resolved: ResolvedDecision): Promise<Map<string, string>> {
  const sink = new MemorySink();
  const result = await buildOutputs(resolved, seed.ctx, sink, { documents: false, formats: ["docx"], packets: renderer!, toolVersion: "test" });
  const hashes = new Map<string, string>();
  for (const [id, dir] of result.packetDirs) {
    const hash = createHash("sha256");
    for (const [path, bytes] of [...sink.files].filter(([path]) => path.startsWith(`${dir}/`)).sort(([a], [b]) => a.localeCompare(b))) hash.update(path).update(bytes);
    hashes.set(id, hash.digest("hex"));
  }
  return hashes;
}

const before = await packetHashes(seed.resolved);
const changedPackets = async (after: ResolvedDecision) => {
  const hashes = await packetHashes(after);
  return [...new Set([...before.keys(), ...hashes.keys()])].filter((id) => before.get(id) !== hashes.get(id)).sort();
};
const reported = (after: ResolvedDecision) => diffModels(seed.resolved, after).affectedAgencies.map((a) => a.id).sort();

describe("a clerk's edits", () => {
  it("deleting a task: the changed letters are exactly the packets whose bytes changed", async () => {
    const after = edit((d) => void groupsOf(d)[1]!.items.splice(3, 1));
    const changed = await changedPackets(after);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(before.size);
    expect(reported(after)).toEqual(changed);
    const diff = diffModels(seed.resolved, after);
    expect(diff.tasks.filter((t) => t.kind === "removed").map((t) => t.ref)).toEqual(["II.2b"]);
    // the row after it, without STT too, is now cited II.2b: reported as the same task under a new ref
    expect(diff.tasks.find((t) => t.kind === "changed" && t.ref === "II.2b")!.fields).toEqual([{ field: "ref", from: "II.2c", to: "II.2b" }]);
  });

  it("renaming a group: the packets of the agencies with a task in it, and the report names the group by its label", async () => {
    const after = edit((d) => void (groupsOf(d)[0]!.title = "CẢI CÁCH THỂ CHẾ, PHÁP LUẬT"));
    expect(reported(after)).toEqual(await changedPackets(after));
    expect(diffModels(seed.resolved, after).groups).toEqual([{ kind: "renamed", label: "I", from: "CẢI CÁCH THỂ CHẾ", to: "CẢI CÁCH THỂ CHẾ, PHÁP LUẬT" }]);
  });

  it("changing a lead cell's text moves the task in every output at once, and the report names the move", async () => {
    const after = edit((d) => void ((groupsOf(d)[0]!.items[1] as Row).lead = "Sở Y tế"));
    expect(reported(after)).toEqual(await changedPackets(after));
    const leads = (r: ResolvedDecision, id: string) => r.assignments.find((a) => a.agency.id === id)?.lead.map((t) => t.ref) ?? [];
    expect(leads(seed.resolved, "so-tu-phap")).toContain("I.2");
    expect(leads(after, "so-tu-phap")).not.toContain("I.2");
    expect(leads(after, "so-y-te")).toContain("I.2");
    const change = diffModels(seed.resolved, after).tasks.find((t) => t.ref === "I.2")!;
    expect(change.moves).toEqual(
      expect.arrayContaining([
        { agency: "Sở Tư pháp", from: "lead", to: "support" },
        { agency: "Sở Y tế", from: "support", to: "lead" },
      ]),
    );
    expect(formatChanges(diffModels(seed.resolved, after), "T")).toContain("Sở Y tế: phối hợp → chủ trì");
  });

  it("changing a deadline's wording changes its due date with it", () => {
    const ref = seed.resolved.tasks.find((t) => t.task.deadline === "Tháng 2")!;
    const after = edit((d) => {
      const row = d.appendices[0]!.items.flatMap((g) => (g as Group).items as Row[]).find((r) => r.deadline === "Tháng 2")!;
      row.deadline = "Tháng 5";
    });
    // the two agencies of that task, no other (the packets' bytes are compared in the tests above)
    expect(reported(after)).toEqual([...ref.lead, ...ref.support].sort());
    const task = after.tasks.find((t) => t.ref === ref.ref)!;
    expect([ref.due, task.task.deadline, task.due]).toEqual(["2013-02-28", "Tháng 5", "2013-05-31"]);
    const fields = diffModels(seed.resolved, after).tasks.find((t) => t.ref === ref.ref)!.fields;
    expect(fields).toEqual([
      { field: "deadline", from: "Tháng 2", to: "Tháng 5" },
      { field: "due", from: "2013-02-28", to: "2013-05-31" },
    ]);
  });

  it("no two tasks of the seed share a ref, though two of its groups are numbered VI", () => {
    const refs = seed.resolved.tasks.map((t) => t.ref);
    expect(new Set(refs).size).toBe(refs.length);
    expect(groupsOf(seed.decision).filter((g) => g.group === "VI")).toHaveLength(2);
  });
});
