/**
 * Editorial letters name the agency reports go through only when the directory in use lists it: with the
 * bundled Quảng Nam directory the seed's letters report through Sở Nội vụ (as its text says); with another
 * province's directory, which lists no Sở Nội vụ, they name none instead of an id that directory lacks.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadValidationEnv } from "../../../src/pipeline/environment.ts";
import { importSource } from "../../../src/recognize/import-source.ts";
import { seedText, validationEnv } from "../../support/seed.ts";

const seedBytes = () => new TextEncoder().encode(seedText());

describe("editorial letters' follow-up agency", () => {
  it("is the directory's Sở Nội vụ when it lists one", async () => {
    const { decision } = importSource(seedBytes(), "seed.txt", await validationEnv());
    expect(decision?.letters?.reportVia).toBe("so-noi-vu");
    expect(decision?.letters?.copies).toContain("Sở Nội vụ (theo dõi);");
  });

  it("is left out, with its copy line, when the directory lists none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-follow-up-"));
    const file = join(dir, "agencies.yaml");
    writeFileSync(file, ["name: Other", "agencies:", "  - id: so-tu-phap", '    name: "Sở Tư pháp"', '    short: "STP"', "    kind: department", '    addressee: "Sở Tư pháp"', ""].join("\n"));
    const { env, diagnostics } = await loadValidationEnv(file);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const result = importSource(seedBytes(), "seed.txt", env!);
    expect(result.decision?.letters).toBeDefined();
    expect(result.decision?.letters?.reportVia).toBeUndefined();
    expect(result.decision?.letters?.copies.join("\n")).not.toContain("Sở Nội vụ");
    expect(result.diagnostics.filter((d) => d.path?.includes("reportVia"))).toEqual([]);
  });
});
