import { createHash } from "node:crypto";
import { loadAndValidate } from "../../src/cli/validate.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import type { Decision, Profile } from "../../src/model/schema.ts";
import type { DocumentPlan } from "../../src/plan/nodes.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { SEED_MODEL_FILE } from "./seed.ts";

export interface SeedDocx {
  decision: Decision;
  ctx: RenderContext;
  plan: DocumentPlan;
  bytes: Uint8Array;
}

/** The seed model, validated, with a render context for the profile. */
export async function loadSeed(profile: Profile = "nd30"): Promise<{ decision: Decision; ctx: RenderContext }> {
  const { decision, env, diagnostics } = await loadAndValidate(SEED_MODEL_FILE);
  if (!decision || !env) throw new Error(`seed model does not load: ${diagnostics.map((d) => d.message).join("; ")}`);
  return { decision, ctx: await createRenderContext(profile, env.resolver) };
}

/** The seed model, validated, rendered to DOCX through its plan with the given layout profile. */
export async function buildSeedDocx(profile: Profile = "nd30", edit: (decision: Decision) => Decision = (d) => d): Promise<SeedDocx> {
  const { decision, ctx } = await loadSeed(profile);
  const edited = edit(decision);
  const plan = composeDecisionPlan(edited, ctx.layout, ctx.measurer);
  return { decision: edited, ctx, plan, bytes: await writeDocx(plan, { toolName: ctx.toolName }) };
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
