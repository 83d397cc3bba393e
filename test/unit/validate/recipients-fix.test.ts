/** RECIP-ITEMS in the model: a Nơi nhận line without its mark is kept as written, and `--fix` ends it with the mark. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import { applyFixes } from "../../../src/model/apply-fixes.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const seed = parseModel(readFileSync(SEED_MODEL_FILE, "utf8"), SEED_MODEL_FILE).decision!;

describe("Nơi nhận punctuation", () => {
  it("offers the missing mark as a fix, the words as written, and --fix applies it", async () => {
    const items = ["Như Điều 3;", "TT Tỉnh ủy, TT HĐND tỉnh", "CPVP,"];
    const decision = { ...seed, recipients: { ...seed.recipients, items, archive: "Lưu: VT, NC.Châu" } };
    const found = validateDecision(decision, await validationEnv()).filter((d) => d.ruleId === "model/recipients-punctuation");
    expect(found.map((d) => d.fix)).toEqual([
      { path: ["recipients", "items", 1], from: "TT Tỉnh ủy, TT HĐND tỉnh", to: "TT Tỉnh ủy, TT HĐND tỉnh;" },
      { path: ["recipients", "items", 2], from: "CPVP,", to: "CPVP;" },
      { path: ["recipients", "archive"], from: "Lưu: VT, NC.Châu", to: "Lưu: VT, NC.Châu." },
    ]);
    const { decision: fixed } = applyFixes(decision, found.map((d) => d.fix!));
    expect(fixed.recipients).toMatchObject({ items: ["Như Điều 3;", "TT Tỉnh ủy, TT HĐND tỉnh;", "CPVP;"], archive: "Lưu: VT, NC.Châu." });
    expect(validateDecision(fixed, await validationEnv()).filter((d) => d.ruleId === "model/recipients-punctuation")).toEqual([]);
  });
});
