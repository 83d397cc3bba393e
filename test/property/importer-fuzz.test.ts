/**
 * Property tests: the importer and the model loader never throw, whatever the input; every failure is a
 * diagnostic with a rule id and a position; accepted input keeps its text intact (NFC).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { decodeTextInput } from "../../src/io/read-text.ts";
import { parseModel } from "../../src/io/model-file.ts";
import { importSource } from "../../src/recognize/import-source.ts";
import { walkStrings } from "../../src/validate/known-typos.ts";
import { seedText, validationEnv, SEED_MODEL_FILE } from "../support/seed.ts";

/** Runs per property: sized for `npm test` (seconds for the file); VANBAN_PROPERTY_SCALE=10 for a deeper run. */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.VANBAN_PROPERTY_SCALE ?? 1)));

const env = await validationEnv();
const seedLines = seedText().split("\n");
const seedYaml = readFileSync(SEED_MODEL_FILE, "utf8");

const NASTY = ["\u200f", "\u202e", "<", ">", "&", "\"", "'", "]]>", "{{constructor}}", "__proto__", "\u0301", "\t", "\u00a0", "𝕍", "ệ", "Đ", "\ufeff"];
const nastyString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((a) => a.join("")),
  fc.string({ unit: "grapheme-ascii", minLength: 2000, maxLength: 6000 }),
);

type Edit = { kind: "drop" | "dup" | "swap" | "insert" | "nfd"; at: number; text: string };
const edits = fc.array(
  fc.record({ kind: fc.constantFrom("drop", "dup", "swap", "insert", "nfd"), at: fc.nat(seedLines.length - 1), text: nastyString }) as fc.Arbitrary<Edit>,
  { minLength: 1, maxLength: 6 },
);

function applyEdits(lines: string[], list: readonly Edit[]): string {
  const out = [...lines];
  for (const e of list) {
    const at = Math.min(e.at, out.length - 1);
    if (e.kind === "drop") out.splice(at, 1);
    else if (e.kind === "dup") out.splice(at, 0, out[at]!);
    else if (e.kind === "swap" && at + 2 < out.length) [out[at], out[at + 2]] = [out[at + 2]!, out[at]!];
    else if (e.kind === "insert") out.splice(at, 0, e.text);
    else if (e.kind === "nfd") out[at] = out[at]!.normalize("NFD");
  }
  return out.join("\n");
}

function wellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.ruleId).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(["error", "warning", "info"]).toContain(d.severity);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe("importer under mutation of the seed", () => {
  it("never throws; failures are diagnostics; accepted models hold NFC text", () => {
    fc.assert(
      fc.property(edits, (list) => {
        const input = decodeTextInput(new TextEncoder().encode(applyEdits(seedLines, list)), "fuzz.txt");
        wellFormed(input.diagnostics);
        if (input.text === undefined) return;
        const result = importSource(new TextEncoder().encode(input.text), "fuzz.txt", env);
        wellFormed(result.diagnostics);
        if (result.decision) {
          // Per string: in JSON text an escaped "\n" followed by a combining mark would compose.
          for (const [path, text] of walkStrings(result.decision)) expect(text.normalize("NFC"), path.join(".")).toBe(text);
        } else {
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          expect(result.diagnostics.filter((d) => d.severity === "error").every((d) => d.start && d.start.line >= 1)).toBe(true);
        }
      }),
      { numRuns: runs(40), seed: 503, endOnFailure: true },
    );
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const input = decodeTextInput(bytes, "bytes.txt");
        wellFormed(input.diagnostics);
        if (input.text !== undefined) wellFormed(importSource(new TextEncoder().encode(input.text), "bytes.txt", env).diagnostics);
      }),
      { numRuns: runs(140), seed: 2013, endOnFailure: true },
    );
  });
});

describe("model loader under mutation of the seed YAML", () => {
  const yamlLines = seedYaml.split("\n");
  it("never throws; every error points at a line of the file", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(yamlLines.length - 1), text: nastyString, drop: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        (list) => {
          const lines = [...yamlLines];
          for (const e of list) {
            if (e.drop) lines.splice(e.at, 1);
            else lines[e.at] = `${lines[e.at]}${e.text}`;
          }
          const loaded = parseModel(lines.join("\n"), "fuzz.yaml");
          wellFormed(loaded.diagnostics);
          for (const d of loaded.diagnostics.filter((x) => x.severity === "error")) expect(d.start?.line ?? 0).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: runs(30), seed: 6, endOnFailure: true },
    );
  });
});
