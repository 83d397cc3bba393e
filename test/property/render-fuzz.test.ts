/**
 * Whatever text a model accepts renders to files whose XML parses and whose text reads back intact:
 * XML special characters, right-to-left marks, template syntax, long cells, astral characters.
 * Text that cannot be stored (control characters, lone surrogates) is refused by validation instead.
 */
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/io/model-file.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { renderAppendixXlsx } from "../../src/write/xlsx/appendix-xlsx.ts";
import { resolveDecision } from "../../src/resolve/resolve-decision.ts";
import { isGroup, type Row } from "../../src/model/schema.ts";
import { MODEL_LIMITS } from "../../src/validate/limits.ts";
import { validateDecision } from "../../src/validate/validate-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../support/seed.ts";

/** Runs per property: sized for `npm test` (seconds for the file); VANBAN_PROPERTY_SCALE=10 for a deeper run. */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.VANBAN_PROPERTY_SCALE ?? 1)));

const env = await validationEnv();
const ctx = await createRenderContext("nd30");
const seed = parseModel(readFileSync(SEED_MODEL_FILE, "utf8"), "seed.yaml").decision!;
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true, htmlEntities: false });

const PIECES = ["<", ">", "&", "&amp;", '"', "'", "]]>", "\u200f", "\u202e", "{{constructor}}", "__proto__", "𝕍🙂", "Ỷ ỹ Ữ ữ", "\t", "\u0001", "\ud800", "x".repeat(MODEL_LIMITS.wordChars), "khai triển ".repeat(300)];
const text = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => `Nội dung ${p.join(" ")}`),
);

/** Every text node of every XML part, after checking that each part is well-formed. */
function xmlText(zip: Uint8Array): string {
  let all = "";
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const xml = strFromU8(data);
    const valid = XMLValidator.validate(xml);
    expect(valid, `${name}: ${JSON.stringify(valid)}`).toBe(true);
    const walk = (node: unknown): void => {
      if (typeof node === "string") all += node;
      else if (node && typeof node === "object") for (const v of Object.values(node)) walk(v);
    };
    walk(parser.parse(xml));
  }
  return all;
}

describe("rendering arbitrary accepted text", () => {
  it("gives well-formed XML with the text intact, or a validation error", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (content, product) => {
        const decision = structuredClone(seed);
        const group = decision.appendices[0]!.items[2]!;
        if (!isGroup(group)) throw new Error("the seed's third item is a group");
        const task = group.items[1] as Row;
        task.content = content.normalize("NFC");
        task.product = product.normalize("NFC");
        const errors = validateDecision(decision, env).filter((d) => d.severity === "error");
        // eslint-disable-next-line no-control-regex
        const unstorable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff](?<![\ud800-\udbff][\udc00-\udfff])/u;
        if (errors.length > 0) {
          expect(errors.map((e) => e.ruleId)).toEqual(expect.arrayContaining(["model/control-character"]));
          return;
        }
        expect(unstorable.test(task.content) || unstorable.test(task.product)).toBe(false);
        const docx = await writeDocx(composeDecisionPlan(decision, ctx.layout, ctx.measurer), { toolName: ctx.toolName });
        const xlsx = await renderAppendixXlsx(resolveDecision(decision, env.resolver), ctx);
        for (const zip of [docx, xlsx]) {
          const all = xmlText(zip);
          for (const piece of [task.content, task.product]) {
            // Word splits text across runs at line breaks and tabs: check each piece in between.
            for (const part of piece.split(/[\n\t]/).filter((p) => p.trim() !== "")) expect(all).toContain(part.trim());
          }
        }
      }),
      { numRuns: runs(5), seed: 42, endOnFailure: true },
    );
  });
});
