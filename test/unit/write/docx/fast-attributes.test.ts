/**
 * The DOCX writer's attributes built by assignment (src/write/docx/fast-attributes.ts) instead of docx's
 * object spreads: in place with the docx installed, and the same bytes either way, for the decision (both
 * profiles: other spacing and indents) and for letters.
 */
import { NextAttributeComponent } from "docx";
import { afterEach, describe, expect, it } from "vitest";
import { loadLetterWording } from "../../../../src/io/templates.ts";
import { composeDecisionPlan } from "../../../../src/plan/decision.ts";
import { fastAttributesInUse, useFastAttributes } from "../../../../src/write/docx/fast-attributes.ts";
import { writeDocx } from "../../../../src/write/docx/write-docx.ts";
import { letterPlan } from "../../../support/letters.ts";
import { loadSeed } from "../../../support/seed-docx.ts";

const seeds = { nd30: await loadSeed("nd30"), tt01: await loadSeed("tt01") };
const wording = await loadLetterWording();

afterEach(() => void useFastAttributes(true));

describe("DOCX attributes built by assignment", () => {
  it("are what the DOCX writer uses, with the installed docx", () => {
    expect(fastAttributesInUse()).toBe(true);
  });

  it("give the bytes docx's own attributes give, for the decision under both profiles and for letters", async () => {
    const seed = seeds.nd30;
    const plans = [
      composeDecisionPlan(seed.decision, seed.ctx.layout, seed.ctx.measurer),
      composeDecisionPlan(seeds.tt01.decision, seeds.tt01.ctx.layout, seeds.tt01.ctx.measurer),
      ...seed.resolved.assignments.slice(0, 3).map((a) => letterPlan(seed.resolved, a, seed.ctx, wording)),
    ];
    for (const [i, plan] of plans.entries()) {
      useFastAttributes(true);
      const fast = await writeDocx(plan, { toolName: "vanban" });
      expect(useFastAttributes(false)).toBe(false);
      const own = await writeDocx(plan, { toolName: "vanban" });
      expect(Buffer.from(fast).equals(Buffer.from(own)), `plan ${i}: ${plan.metadata.title}`).toBe(true);
    }
  });

  it("leave an attribute named __proto__ to docx, which makes it a key, not the prototype", () => {
    const component = new NextAttributeComponent({ odd: { key: "__proto__", value: "x" }, val: { key: "w:val", value: 1 } }) as unknown as { prepForXml(context: unknown): { _attr: object } };
    const { _attr } = component.prepForXml({});
    expect(Object.getOwnPropertyDescriptor(_attr, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(_attr)).toBe(Object.prototype);
    expect(Object.entries(_attr)).toEqual([["__proto__", "x"], ["w:val", 1]]);
  });
});
