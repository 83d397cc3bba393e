import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildOutputs } from "../../../src/pipeline/build-outputs.ts";
import { OUTPUT_FORMATS } from "../../../src/pipeline/formats.ts";
import { MemorySink } from "../../../src/io/output-sink.ts";
import { createPacketRenderer, type PacketRenderer } from "../../../src/pipeline/packet-renderer.ts";
import { parseModel } from "../../../src/io/model-file.ts";
import { createRenderContext } from "../../../src/pipeline/render-context.ts";
import type { Decision } from "../../../src/model/schema.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const env = await validationEnv();
const ctx = await createRenderContext("nd30");
const { renderer } = await createPacketRenderer(ctx, { workers: "0" });
const seedModel = parseModel(readFileSync(SEED_MODEL_FILE, "utf8"), "seed.yaml").decision!;
const resolve = (decision: Decision) => resolveDecision(decision, env.resolver);
const seed = resolve(seedModel);

describe("buildOutputs", () => {
  it("without letter settings writes the decision and the workbook, and no packets", async () => {
    const { letters: _letters, ...withoutLetters } = seedModel;
    const sink = new MemorySink();
    const result = await buildOutputs(resolve(withoutLetters), ctx, sink, { documents: true, formats: OUTPUT_FORMATS, packets: renderer!, toolVersion: "test" });
    expect([...sink.files.keys()].sort()).toEqual(["qd-503-2013-phu-luc.xlsx", "qd-503-2013.docx", "qd-503-2013.pdf"]);
    expect(result.assignments).toEqual([]);
  });

  it("without an appendix writes the decision only", async () => {
    const sink = new MemorySink();
    await buildOutputs(resolve({ ...seedModel, appendices: [] }), ctx, sink, { documents: true, formats: OUTPUT_FORMATS, packets: renderer!, toolVersion: "test" });
    expect([...sink.files.keys()].sort()).toEqual(["qd-503-2013.docx", "qd-503-2013.pdf"]);
  });

  it("--formats: only the formats asked for, for the decision and the letters alike", async () => {
    const sink = new MemorySink();
    const pdfOnly = await createPacketRenderer(ctx, { workers: "0", formats: ["pdf"] });
    await buildOutputs(seed, ctx, sink, { documents: true, formats: ["pdf"], agencies: ["so-y-te"], packets: pdfOnly.renderer!, toolVersion: "test" });
    expect([...sink.files.keys()].filter((name) => /\.(docx|pdf)$/.test(name)).sort()).toEqual(["packets/so-y-te/cong-van-so-y-te.pdf", "qd-503-2013.pdf"]);
  });

  it("packets for chosen agencies only, each with a manifest of its files", async () => {
    const sink = new MemorySink();
    const result = await buildOutputs(seed, ctx, sink, { documents: false, formats: OUTPUT_FORMATS, agencies: ["so-y-te"], packets: renderer!, toolVersion: "test" });
    expect([...sink.files.keys()].sort()).toEqual([
      "packets/so-y-te/cong-van-so-y-te.docx",
      "packets/so-y-te/cong-van-so-y-te.pdf",
      "packets/so-y-te/manifest.json",
      "packets/so-y-te/phu-luc-so-y-te.xlsx",
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(sink.files.get("packets/so-y-te/manifest.json")));
    expect(manifest.lead).toEqual(result.assignments[0]!.lead.map((t) => t.ref));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["cong-van-so-y-te.docx", "cong-van-so-y-te.pdf", "phu-luc-so-y-te.xlsx"]);
  });

  it("writes each packet as soon as it is handed over, and lists units in agency order whatever the completion order", async () => {
    const chosen = ["so-y-te", "so-noi-vu", "so-tai-chinh"];
    const sink = new MemorySink();
    const writtenBefore: number[] = [];
    // Hands the packets over last first, as worker threads may, and looks at the sink in between.
    const reversed: PacketRenderer = {
      fingerprint: renderer!.fingerprint,
      workersUsed: 0,
      async render(decision, assignments, onPacket) {
        for (let i = assignments.length - 1; i >= 0; i--) {
          writtenBefore.push(sink.files.size);
          const fake = new TextEncoder().encode(`packet ${assignments[i]!.agency.id}`);
          await onPacket(i, { letter: { docx: fake, pdf: fake }, workbook: fake });
        }
      },
      close: async () => undefined,
    };
    const result = await buildOutputs(seed, ctx, sink, { documents: false, formats: OUTPUT_FORMATS, agencies: chosen, packets: reversed, toolVersion: "test" });
    expect(writtenBefore).toEqual([0, 4, 8]);
    expect(Object.keys(result.units)).toEqual(result.assignments.map((a) => `packet:${a.agency.id}`));
    expect(result.entries.map((e) => e.path)).toEqual([...result.entries.map((e) => e.path)].sort());
  });
});
