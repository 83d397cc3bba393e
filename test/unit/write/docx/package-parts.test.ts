/**
 * The DOCX writer takes the package's parts from docx's compiler instead of unzipping docx's own zip
 * (src/write/docx/package-parts.ts): the files must be byte-identical either way, for the decision (two
 * sections, tables with merged cells) and for letters.
 */
import { describe, expect, it } from "vitest";
import { loadLetterWording } from "../../../../src/io/templates.ts";
import { composeDecisionPlan } from "../../../../src/plan/decision.ts";
import { writeDocx } from "../../../../src/write/docx/write-docx.ts";
import { letterPlan } from "../../../support/letters.ts";
import { loadSeed } from "../../../support/seed-docx.ts";

const seed = await loadSeed();
const wording = await loadLetterWording();

describe("DOCX parts from docx's compiler", () => {
  it("give the same bytes as docx's own zip, for the decision and for letters", async () => {
    const plans = [
      composeDecisionPlan(seed.decision, seed.ctx.layout, seed.ctx.measurer),
      ...seed.resolved.assignments.slice(0, 3).map((a) => letterPlan(seed.resolved, a, seed.ctx, wording)),
    ];
    for (const plan of plans) {
      const direct = await writeDocx(plan, { toolName: "vanban" });
      const viaZip = await writeDocx(plan, { toolName: "vanban", viaDocxZip: true });
      expect(Buffer.from(direct).equals(Buffer.from(viaZip)), plan.metadata.title).toBe(true);
    }
  });
});
