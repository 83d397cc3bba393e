/** BODY-POINT in the model: validate warns where vanban check will refuse a điểm out of the Vietnamese order. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import type { Block } from "../../../src/model/schema.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const seed = parseModel(readFileSync(SEED_MODEL_FILE, "utf8"), SEED_MODEL_FILE).decision!;
const block = (kind: Block["kind"], label: string): Block => ({ kind, label, text: "Nội dung" }) as Block;
const sequenceWarnings = async (content: Block[]) =>
  validateDecision({ ...seed, articles: [{ ...seed.articles[0]!, content }, ...seed.articles.slice(1)] }, await validationEnv()).filter(
    (d) => d.ruleId === "model/point-sequence",
  );

describe("point sequence", () => {
  it("warns at the point that skips a letter (đ), where the layout check fails, and only there", async () => {
    const points = ["a)", "b)", "c)", "d)", "e)", "g)"].map((l) => block("point", l));
    const found = await sequenceWarnings(points);
    expect(found.map((d) => d.path)).toEqual([["articles", 0, "content", 4, "label"]]);
    expect(found[0]!.message).toContain('"đ)"');
  });

  it("starts a new list at a khoản (\"1.\") and at \"a)\"", async () => {
    const content = [block("item", "1."), block("point", "a)"), block("point", "b)"), block("item", "2."), block("point", "a)"), block("point", "b)"), block("point", "c)")];
    expect(await sequenceWarnings(content)).toEqual([]);
    // after a khoản the list starts again: "d)" there is out of order, though it follows "c)" above
    const carried = [block("item", "1."), block("point", "a)"), block("point", "b)"), block("point", "c)"), block("item", "2."), block("point", "d)")];
    expect((await sequenceWarnings(carried)).map((d) => d.path)).toEqual([["articles", 0, "content", 5, "label"]]);
  });

  it("has nothing to say of the seed", async () => {
    expect(validateDecision(seed, await validationEnv()).filter((d) => d.ruleId === "model/point-sequence")).toEqual([]);
  });
});
