/**
 * The recognizer on the real documents of ../shared/corpus (see its README), when that folder exists:
 * general properties every document of a kind must have, never facts about one file, since unseen
 * documents of the same kinds are recognized the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Place } from "../../../src/diagnostics/rules.ts";
import { decisionSchema, isGroup, type Appendix, type Group, type Row } from "../../../src/model/schema.ts";
import { readSource } from "../../../src/read/read-source.ts";
import type { SourceCell, SourceDocument, SourceTable } from "../../../src/read/source-document.ts";
import { placeOf } from "../../../src/recognize/positions.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { cellText } from "../../../src/recognize/source-lines.ts";

const CORPUS = path.resolve("../shared/corpus");
const present = existsSync(CORPUS);
const KINDS = ["docx", "tvpl-md", "web"];
const files = present ? KINDS.flatMap((kind) => (existsSync(path.join(CORPUS, kind)) ? readdirSync(path.join(CORPUS, kind)).sort().map((name) => path.join(kind, name)) : [])) : [];
/** Decisions and plans (their ký hiệu in the name: QĐ, KH); the công văn and the Nghị định's sample pages are read, not modelled. */
const isModelled = (file: string) => /(^|[/_-])(QD|KH)[-_]|-(qd|kh)-/i.test(path.basename(file));

function recognize(file: string) {
  const read = readSource(new Uint8Array(readFileSync(path.join(CORPUS, file))), { name: file });
  return { source: read.document!, ...recognizeDocument(read.document!, { file }) };
}

const placeKey = (place: Place) => place.at ?? `${place.start?.line}:${place.start?.column}`;
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every text of an appendix in the model: column labels, group labels and titles, every cell. */
function appendixText(appendix: Appendix): string {
  const walk = (items: readonly (Group | Row)[]): string[] =>
    items.flatMap((item) => (isGroup(item) ? [item.group, item.title, ...walk(item.items)] : [...Object.values(item).filter((v): v is string => typeof v === "string"), ...Object.values(item.cells ?? {}), ...walk(item.rows)]));
  return squash([...appendix.columns.map((c) => c.label), ...walk(appendix.items)].join(" "));
}

/** The top-level tables of the source with the section they stand in. */
function tablesOf(source: SourceDocument): { table: SourceTable; section: number }[] {
  return source.sections.flatMap((s, i) => s.blocks.filter((b): b is SourceTable => b.kind === "table").map((table) => ({ table, section: i + 1 })));
}

describe.skipIf(!present)("the recognizer on the corpus (../shared/corpus)", () => {
  it("has the corpus", () => expect(files.length).toBeGreaterThan(5));

  for (const file of files) {
    describe(file, () => {
      const result = recognize(file);
      const sections = result.source.sections.length;

      it("gives every diagnostic a rule id and a place", () => {
        for (const d of result.diagnostics) {
          expect(d.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
          expect(d.start !== undefined || d.at !== undefined, `${d.ruleId} ${d.message}`).toBe(true);
        }
      });

      it.runIf(isModelled(file))("finds the header's issuer and the type, and gives a model that passes the schema", () => {
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const decision = result.decision!;
        expect(decision.issuer.lines.length).toBeGreaterThan(0);
        expect(decision.document.type).toMatch(/^[\p{Lu} ]+$/u);
        expect(decisionSchema.safeParse(decision).success).toBe(true);
        expect(decision.articles.length + decision.content.length).toBeGreaterThan(0);
      });

      it.runIf(isModelled(file))("accounts for every row of each appendix table and keeps the text of every cell or reports it", () => {
        const recorded = new Map<string, number>();
        for (const [key, place] of result.places) {
          const m = /^appendices\.(\d+)\.(items|columns)\b/.exec(key);
          if (m) recorded.set(placeKey(place), Number(m[1]));
        }
        const noted = new Set(result.diagnostics.map((d) => placeKey(d)));
        const keyOf = (cell: SourceCell, section: number) => placeKey(placeOf({ position: cell.position, section }, sections));
        for (const { table, section } of tablesOf(result.source)) {
          const index = table.rows.flatMap((row) => row.cells.map((cell) => recorded.get(keyOf(cell, section)))).find((i) => i !== undefined);
          if (index === undefined) continue;
          const text = appendixText(result.decision!.appendices[index]!);
          table.rows.forEach((row, r) => {
            const accounted = row.cells.some((cell) => recorded.has(keyOf(cell, section)) || noted.has(keyOf(cell, section))) || row.cells.every((cell) => cellText(cell) === "");
            expect(accounted, `${file}: row ${r + 1} of a table of appendix ${index + 1}`).toBe(true);
            // a cell the model cannot hold (beside a group's title) is reported at its place
            for (const cell of row.cells) if (!noted.has(keyOf(cell, section))) expect(text, `${file}: row ${r + 1}`).toContain(squash(cellText(cell)));
          });
        }
      });
    });
  }
});

describe.skipIf(present)("the recognizer on the corpus", () => {
  it.skip(`skipped: ${CORPUS} is absent (the real documents of issue #15 live there)`, () => {});
});
