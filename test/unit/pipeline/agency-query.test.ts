import { describe, expect, it } from "vitest";
import { agenciesFor } from "../../../src/pipeline/agency-query.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { loadSeed } from "../../support/seed-docx.ts";
import { SEED_MODEL_FILE } from "../../support/seed.ts";

const seed = await loadSeed();
const find = (query: string) => agenciesFor(query, seed.resolved, seed.resolver);

describe("--agency", () => {
  it("takes an id, a name, a short name or alias in any case and without diacritics, or a packet folder", () => {
    for (const query of ["so-noi-vu", "Sở Nội vụ", "so noi vu", "SỞ NỘI VỤ"]) expect(find(query), query).toEqual({ ids: ["so-noi-vu"] });
    expect(find("ubnd-thanh-pho-tam-ky")).toEqual({ ids: ["ubnd-tam-ky"] });
  });

  it("takes a group: every member with a letter", () => {
    const found = find("UBND cấp huyện");
    expect("ids" in found && found.ids.length).toBe(18);
  });

  it("suggests the closest names for one it does not know, as a usage error", async () => {
    expect(find("Sở Nội vuu")).toEqual({ suggestions: expect.arrayContaining(["Sở Nội vụ"]) });
    const run = await runCliInProcess(["build", SEED_MODEL_FILE, "-o", "/tmp/vanban-unused", "--agency", "Sở Nội vuu"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cli\/unknown-agency .*"Sở Nội vuu"/);
    expect(run.stderr).toContain("did you mean: Sở Nội vụ");
  });
});
