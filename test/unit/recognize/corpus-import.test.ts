/**
 * `vanban import` and then `vanban build` on the scrapes of ../shared/corpus (tvpl-md, web), in process, when
 * that folder exists: every file imports without errors and builds, with the general properties every
 * document of its kind must have (tasks where its source has a task table, every task with its lead, the
 * signature outside the appendices), never facts about one file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DiscardingSink } from "../../../src/io/output-sink.ts";
import { listTasks } from "../../../src/model/refs.ts";
import { isGroup, type Decision, type Group, type Row } from "../../../src/model/schema.ts";
import { buildOutputs } from "../../../src/pipeline/build-outputs.ts";
import { createPacketRenderer } from "../../../src/pipeline/packet-renderer.ts";
import { createRenderContext } from "../../../src/pipeline/render-context.ts";
import { readSource } from "../../../src/read/read-source.ts";
import type { SourceBlock } from "../../../src/read/source-document.ts";
import { columnKeyOf } from "../../../src/recognize/appendix-columns.ts";
import { importSource } from "../../../src/recognize/import-source.ts";
import { cellText } from "../../../src/recognize/source-lines.ts";
import { deriveDirectory } from "../../../src/resolve/derive-directory.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { AgencyResolver } from "../../../src/resolve/resolve-cell.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { validationEnv } from "../../support/seed.ts";

const CORPUS = path.resolve("../shared/corpus");
const KINDS = ["tvpl-md", "web"];
const files = existsSync(CORPUS) ? KINDS.flatMap((kind) => (existsSync(path.join(CORPUS, kind)) ? readdirSync(path.join(CORPUS, kind)).sort().map((name) => path.join(kind, name)) : [])) : [];

/** Whether the source has a table headed by a lead column ("Cơ quan chủ trì"): a task table. */
function hasTaskTable(blocks: readonly SourceBlock[]): boolean {
  return blocks.some((block) => block.kind === "table" && block.rows.slice(0, 3).some((row) => row.cells.some((cell) => columnKeyOf(cellText(cell).replace(/\s+/g, " ")) === "lead")));
}

/** Every text of an appendix: group labels and titles, every cell. */
function appendixTexts(items: readonly (Group | Row)[]): string[] {
  return items.flatMap((item) => (isGroup(item) ? [item.group, item.title, ...appendixTexts(item.items)] : [...Object.values(item).filter((v): v is string => typeof v === "string"), ...Object.values(item.cells ?? {}), ...appendixTexts(item.rows)]));
}

const env = files.length > 0 ? await validationEnv() : undefined;
const renderContext = files.length > 0 ? await createRenderContext("nd30") : undefined;
const packets = renderContext ? (await createPacketRenderer(renderContext, { workers: "0", formats: ["docx"] })).renderer : undefined;

describe.skipIf(files.length === 0)("import and build of the corpus's scrapes (../shared/corpus)", () => {
  describe.each(files)("%s", (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
    const result = importSource(bytes, file, env!);
    const decision = result.decision as Decision;
    const source = readSource(bytes, { name: file }).document!;

    it("imports without errors", () => {
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    });

    it("finds tasks where the source has a task table, each with its lead", () => {
      const tasks = listTasks(decision);
      if (hasTaskTable(source.sections.flatMap((s) => s.blocks))) expect(tasks.length).toBeGreaterThan(0);
      expect(tasks.filter((t) => t.task.lead.trim() === "").map((t) => t.ref)).toEqual([]);
    });

    it("keeps the signature and the Nơi nhận out of the appendices", () => {
      const texts = decision.appendices.flatMap((a) => appendixTexts(a.items)).join("\n");
      expect(texts).not.toContain(decision.signer.name);
      expect(texts).not.toMatch(/Nơi nhận:|^TM\. /mu);
    });

    it("builds with a directory derived from its cells: the decision and its workbook, and an agency for each task's letter", async () => {
      // as a clerk does for another issuer: `vanban directory`, and the editorial letters reporting to none of Quảng Nam's agencies
      const directory = { ...deriveDirectory(decision, "corpus"), place: decision.issuer.place };
      const own = { ...env!, resolver: new AgencyResolver(directory) };
      const model: Decision = decision.letters ? { ...decision, letters: { ...decision.letters, reportVia: undefined } } : decision;
      expect(validateDecision(model, own).filter((d) => d.severity === "error")).toEqual([]);
      const resolved = resolveDecision(model, own.resolver);
      expect(resolved.tasks.filter((t) => t.lead.length === 0).map((t) => t.ref)).toEqual([]);
      // the letters themselves are rendered by the packet tests; here the documents, in a second
      const built = await buildOutputs(resolved, renderContext!, new DiscardingSink(), { documents: true, formats: ["docx"], agencies: [], packets: packets!, toolVersion: "test" });
      const names = built.entries.map((e) => e.path);
      expect(names.filter((name) => name.endsWith(".docx"))).toHaveLength(1);
      expect(names.filter((name) => name.endsWith(".xlsx"))).toHaveLength(decision.appendices.length > 0 ? 1 : 0);
    });
  });
});

describe.skipIf(files.length > 0)("import and build of the corpus's scrapes", () => {
  it.skip(`skipped: ${CORPUS} is absent (the real documents of issue #15 live there)`, () => {});
});
