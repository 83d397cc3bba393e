import { createHash } from "node:crypto";
import { loadAndValidate } from "../../src/cli/validate.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import type { Decision, Profile } from "../../src/model/schema.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { renderDecisionDocx } from "../../src/write/docx/decision-docx.ts";
import { SEED_MODEL_FILE } from "./seed.ts";

export interface SeedDocx {
  decision: Decision;
  ctx: RenderContext;
  bytes: Uint8Array;
}

/** The seed model, validated, rendered to DOCX with the given layout profile. */
export async function buildSeedDocx(profile: Profile = "nd30", edit: (decision: Decision) => Decision = (d) => d): Promise<SeedDocx> {
  const { decision, env, diagnostics } = await loadAndValidate(SEED_MODEL_FILE);
  if (!decision || !env) throw new Error(`seed model does not load: ${diagnostics.map((d) => d.message).join("; ")}`);
  const ctx = await createRenderContext(profile, env.resolver);
  const edited = edit(decision);
  return { decision: edited, ctx, bytes: await renderDecisionDocx(edited, ctx) };
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
