import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packetKey, type KeyContext } from "../../../src/pipeline/input-keys.ts";
import { parseModel } from "../../../src/io/model-file.ts";
import { createRenderContext } from "../../../src/pipeline/render-context.ts";
import { AgencyResolver } from "../../../src/resolve/resolve-cell.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const env = await validationEnv();
const seed = parseModel(readFileSync(SEED_MODEL_FILE, "utf8"), "seed.yaml").decision!;

async function keyOf(agencyId: string, rename?: { id: string; name: string }): Promise<string> {
  const directory = structuredClone(env.resolver.directory);
  if (rename) directory.agencies.find((a) => a.id === rename.id)!.name = rename.name;
  const resolver = new AgencyResolver(directory);
  const k: KeyContext = { ctx: await createRenderContext("nd30"), toolVersion: "test", wording: "w", formats: ["docx", "pdf"] };
  const resolved = resolveDecision(seed, resolver);
  const assignment = resolved.assignments.find((a) => a.agency.id === agencyId)!;
  return packetKey(resolved, assignment, k);
}

describe("packetKey", () => {
  it("is stable for the same model and directory", async () => {
    expect(await keyOf("so-tai-chinh")).toBe(await keyOf("so-tai-chinh"));
  });

  it("changes when the directory renames the agency reports go through (the letter says “qua <name>”)", async () => {
    expect(seed.letters!.reportVia).toBe("so-noi-vu");
    expect(await keyOf("so-tai-chinh", { id: "so-noi-vu", name: "Sở Nội vụ tỉnh" })).not.toBe(await keyOf("so-tai-chinh"));
  });
});
