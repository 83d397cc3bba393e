import { createHash } from "node:crypto";
import { loadAndValidate } from "../../src/cli/validate.ts";
import { createRenderContext } from "../../src/pipeline/render-context.ts";
import { isGroup, type Decision, type Group, type Profile, type Row } from "../../src/model/schema.ts";
import type { DocumentPlan } from "../../src/plan/nodes.ts";
import { composeDecisionPlan } from "../../src/plan/decision.ts";
import type { AgencyResolver } from "../../src/resolve/resolve-cell.ts";
import { resolveDecision, type ResolvedDecision } from "../../src/resolve/resolve-decision.ts";
import type { RenderContext } from "../../src/write/context.ts";
import { writeDocx } from "../../src/write/docx/write-docx.ts";
import { SEED_MODEL_FILE } from "./seed.ts";

export interface SeedDocx {
  decision: Decision;
  ctx: RenderContext;
  plan: DocumentPlan;
  bytes: Uint8Array;
}

export interface LoadedSeed {
  decision: Decision;
  /** the seed as every stage after resolution reads it */
  resolved: ResolvedDecision;
  /** resolves an edited copy of the seed against the seed's directory */
  resolve: (decision: Decision) => ResolvedDecision;
  resolver: AgencyResolver;
  ctx: RenderContext;
}

/** The seed model, validated and resolved, with a render context for the profile. */
export async function loadSeed(profile: Profile = "nd30"): Promise<LoadedSeed> {
  const { decision, resolved, env, diagnostics } = await loadAndValidate(SEED_MODEL_FILE);
  if (!decision || !resolved || !env) throw new Error(`seed model does not load: ${diagnostics.map((d) => d.message).join("; ")}`);
  const resolver = env.resolver;
  return { decision, resolved, resolver, resolve: (d) => resolveDecision(d, resolver), ctx: await createRenderContext(profile) };
}

/** The seed model, validated, rendered to DOCX through its plan with the given layout profile. */
export async function buildSeedDocx(profile: Profile = "nd30", edit: (decision: Decision) => Decision = (d) => d): Promise<SeedDocx> {
  const { decision, ctx } = await loadSeed(profile);
  const edited = edit(decision);
  const plan = composeDecisionPlan(edited, ctx.layout, ctx.measurer);
  return { decision: edited, ctx, plan, bytes: await writeDocx(plan, { toolName: ctx.toolName }) };
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The seed's first appendix, groups in the order written (the seed has one level of groups, rows directly under them). */
export function seedGroups(decision: Decision): Group[] {
  return decision.appendices[0]!.items.map((item) => {
    if (!isGroup(item)) throw new Error("the seed's appendix holds groups only");
    return item;
  });
}

/** The `row`-th row (0-based) of the seed's `group`-th group, for tests that edit a cell. */
export function seedRow(decision: Decision, group: number, row: number): Row {
  const item = seedGroups(decision)[group]!.items[row];
  if (!item || isGroup(item)) throw new Error(`no row ${row} in group ${group}`);
  return item;
}

/** The row a task's model path names (["appendices", 0, "items", 3, "items", 1, …]), in `decision`: a copy being edited. */
export function rowAt(decision: Decision, path: readonly (string | number)[]): Row {
  let node: unknown = decision;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  if (!node || typeof node !== "object" || isGroup(node as Row | Group)) throw new Error(`no row at ${path.join(".")}`);
  return node as Row;
}
