import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAndValidate } from "../../../src/cli/validate.ts";
import { loadDirectory } from "../../../src/io/directory.ts";
import { parseModel } from "../../../src/io/model-file.ts";
import { deriveDirectory } from "../../../src/resolve/derive-directory.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { SEED_MODEL_FILE } from "../../support/seed.ts";

const seedYaml = readFileSync(SEED_MODEL_FILE, "utf8");
const seed = parseModel(seedYaml, SEED_MODEL_FILE).decision!;

describe("a starting directory derived from a model's cells (vanban directory)", () => {
  const derived = deriveDirectory(seed, "test");
  const byName = (name: string) => derived.agencies.find((a) => a.name === name);

  it("lists each agency once, whole names kept whole (“Sở Kế hoạch và Đầu tư”), kinds guessed, UBND spelt out for Kính gửi", () => {
    expect(byName("Sở Kế hoạch và Đầu tư")).toMatchObject({ id: "so-ke-hoach-va-dau-tu", kind: "department" });
    expect(byName("Văn phòng UBND tỉnh")?.kind).toBe("office");
    expect(byName("UBND cấp huyện")?.addressee).toBe("Ủy ban nhân dân cấp huyện");
    expect(byName("Các Sở, Ban, ngành")?.kind).toBe("collective");
    expect(new Set(derived.agencies.map((a) => a.id)).size).toBe(derived.agencies.length);
  });

  it("writes a directory the model can name, and the build reads the model's cells against it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-directory-"));
    const run = await runCliInProcess(["directory", SEED_MODEL_FILE, "-o", join(dir, "agencies.yaml")]);
    expect(run.status).toBe(0);
    expect((await loadDirectory(join(dir, "agencies.yaml"))).directory?.agencies.length).toBe(derived.agencies.length);
    writeFileSync(join(dir, "model.yaml"), seedYaml.replace("profile: nd30\n", "profile: nd30\ndirectory: agencies.yaml\n"));
    const { resolved, diagnostics } = await loadAndValidate(join(dir, "model.yaml"));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // every agency now comes from the model's own directory: none is unlisted
    expect(diagnostics.filter((d) => d.ruleId === "agency/unlisted")).toEqual([]);
    expect(resolved!.assignments.find((a) => a.agency.name === "Sở Kế hoạch và Đầu tư")?.agency.id).toBe("so-ke-hoach-va-dau-tu");
  });

  describe("the agency the letters send reports through (letters.reportVia), which may be named in no cell", () => {
    const agency = (id: string, name: string) => ({ id, name, short: name, kind: "department" as const, addressee: name, aliases: [`${name} (cũ)`] });
    const directoryOf = (...agencies: ReturnType<typeof agency>[]) => ({ name: "cũ", agencies, groups: [], unspecified: [] });
    const withVia = (via: string) => ({ ...seed, letters: { ...seed.letters!, reportVia: via } });

    it("is carried over from the current directory when no cell names it, so that the model still builds", () => {
      const steering = agency("bcd-cchc", "Ban Chỉ đạo cải cách hành chính tỉnh");
      const derived = deriveDirectory(withVia("bcd-cchc"), "test", directoryOf(steering));
      expect(derived.agencies.filter((a) => a.id === "bcd-cchc")).toEqual([steering]);
      expect(derived.agencies).toHaveLength(deriveDirectory(seed, "test").agencies.length + 1);
    });

    it("keeps the id the model uses where a cell names it too (the seed's cells name Sở Nội vụ)", () => {
      const derived = deriveDirectory(withVia("snv"), "test", directoryOf(agency("snv", "Sở Nội vụ")));
      expect(derived.agencies.filter((a) => a.name === "Sở Nội vụ").map((a) => a.id)).toEqual(["snv"]);
      expect(derived.agencies.some((a) => a.id === "so-noi-vu")).toBe(false);
    });

    it("is left out when the current directory does not know it either (validation names the id)", () => {
      expect(deriveDirectory(withVia("khong-co"), "test", directoryOf()).agencies).toEqual(deriveDirectory(seed, "test").agencies);
    });

    it("through the command: the model's reportVia, named in no cell, is in the directory written, with the bundled directory's entry", async () => {
      const dir = mkdtempSync(join(tmpdir(), "vanban-directory-"));
      expect(seedYaml).toContain("reportVia: so-noi-vu\n");
      writeFileSync(join(dir, "model.yaml"), seedYaml.replace("reportVia: so-noi-vu\n", "reportVia: so-ngoai-vu\n"));
      expect(derived.agencies.some((a) => a.id === "so-ngoai-vu")).toBe(false);
      const run = await runCliInProcess(["directory", join(dir, "model.yaml"), "-o", join(dir, "agencies.yaml")]);
      expect(run.status, run.stderr).toBe(0);
      expect((await loadDirectory(join(dir, "agencies.yaml"))).directory?.agencies.find((a) => a.id === "so-ngoai-vu")?.name).toBe("Sở Ngoại vụ");
    });
  });

  it("is refused for a model whose cells name no agency, and nothing is written (a directory lists at least one)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vanban-directory-"));
    const lines = seedYaml.split("\n");
    const [from, to] = [lines.indexOf("appendices:"), lines.indexOf("letters:")];
    writeFileSync(join(dir, "model.yaml"), [...lines.slice(0, from), "appendices: []", ...lines.slice(to)].join("\n"));
    const run = await runCliInProcess(["directory", join(dir, "model.yaml"), "-o", join(dir, "agencies.yaml"), "--json"]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(["directory/nothing-to-derive"]);
    expect(existsSync(join(dir, "agencies.yaml"))).toBe(false);
  });
});

describe("an agency directory", () => {
  const write = (yaml: string) => {
    const file = join(mkdtempSync(join(tmpdir(), "vanban-directory-")), "agencies.yaml");
    writeFileSync(file, yaml);
    return file;
  };
  const agency = (id: string, name: string) => `  - { id: ${id}, name: "${name}", short: "${name}", kind: department, addressee: "${name}" }\n`;

  it("with the same id twice is an error naming both places", async () => {
    const { directory, diagnostics } = await loadDirectory(write(`name: t\nagencies:\n${agency("so-a", "Sở A")}${agency("so-a", "Sở B")}`));
    expect(directory).toBeUndefined();
    expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([["model/schema", 'duplicate id "so-a" (first at agencies.0.id) (at agencies.1.id)']]);
  });

  it("with a control character in a name is an error", async () => {
    const { directory, diagnostics } = await loadDirectory(write(`name: t\nagencies:\n${agency("so-a", "Sở\\tA")}`));
    expect(directory).toBeUndefined();
    expect(diagnostics[0]!.message).toContain("control character");
  });
});
