/**
 * text/doubled-phrase: a phrase of two to four words written twice in a row is reported where the YAML holds
 * it and kept as written; `--fix` keeps it once. Vietnamese reduplication (one syllable twice) and a phrase
 * repeated after a comma are no slip.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { placeDiagnostics } from "../../../src/diagnostics/locate.ts";
import { applyFixesToYaml } from "../../../src/io/apply-model-fixes.ts";
import { parseModel } from "../../../src/io/model-file.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { SEED_MODEL_FILE, validationEnv } from "../../support/seed.ts";

const seedYaml = readFileSync(SEED_MODEL_FILE, "utf8");
const env = await validationEnv();
const FIRST_BASIS = "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;";
const FIRST_TASK = "Xây dựng, triển khai Chương trình ban hành văn bản QPPL năm 2013";

function doubled(source: string) {
  const loaded = parseModel(source, "model.yaml");
  if (!loaded.decision) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
  return placeDiagnostics(validateDecision(loaded.decision, env), "model.yaml", loaded.locate).filter((d) => d.ruleId === "text/doubled-phrase");
}
const withBasis = (basis: string) => seedYaml.replace(FIRST_BASIS, basis);
const withTask = (content: string) => seedYaml.replace(`content: ${FIRST_TASK}`, `content: ${content}`);

describe("text/doubled-phrase", () => {
  it("reports a căn cứ that opens with its words twice, at its YAML line, and kept as written", () => {
    const source = withBasis(`Căn cứ Căn cứ ${FIRST_BASIS.slice("Căn cứ ".length)}`);
    const [found, ...rest] = doubled(source);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ severity: "warning", path: ["legalBases", 0] });
    expect(found!.message).toContain('"Căn cứ Căn cứ"');
    expect(found!.start?.line).toBe(source.split("\n").findIndex((l) => l.includes("Căn cứ Căn cứ")) + 1);
    expect(found!.fix).toEqual({ path: ["legalBases", 0], from: `Căn cứ Căn cứ ${FIRST_BASIS.slice(7)}`, to: FIRST_BASIS });
  });

  it("--fix keeps every doubled phrase of a cell once, whatever its case, and changes no other line", () => {
    const source = withTask("Xây dựng xây dựng, triển khai Chương trình ban hành văn bản QPPL năm 2013 phát triển hạ tầng phát triển hạ tầng");
    const found = doubled(source);
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining('"Xây dựng xây dựng"'),
      expect.stringContaining('"phát triển hạ tầng phát triển hạ tầng"'),
    ]);
    const { text, applied } = applyFixesToYaml(source, found.map((d) => d.fix!));
    expect(applied).toHaveLength(1);
    expect(text).toBe(withTask(`${FIRST_TASK} phát triển hạ tầng`));
  });

  it("finds a phrase between punctuation, and one whose copies are spaced differently", () => {
    expect(doubled(withTask(`${FIRST_TASK} (phát triển phát triển).`)).map((d) => d.fix!.to)).toEqual([`${FIRST_TASK} (phát triển).`]);
    expect(doubled(withTask(`${FIRST_TASK}; Căn cứ  Căn cứ`))).toHaveLength(1);
    expect(doubled(withTask(`${FIRST_TASK}; CĂN CỨ căn cứ`))).toHaveLength(1);
  });

  it("reports a phrase three times once, and its fix takes out one copy (the next run finds the other)", () => {
    const [found, ...rest] = doubled(withTask(`${FIRST_TASK} phát triển phát triển phát triển`));
    expect(rest).toEqual([]);
    expect(found!.fix!.to).toBe(`${FIRST_TASK} phát triển phát triển`);
  });

  it("finds a phrase of four words, not of five", () => {
    expect(doubled(withTask(`${FIRST_TASK} Ủy ban nhân dân Ủy ban nhân dân tỉnh`))).toHaveLength(1);
    expect(doubled(withTask(`${FIRST_TASK} Ủy ban nhân dân tỉnh Ủy ban nhân dân tỉnh`))).toEqual([]);
  });

  it("leaves one syllable twice (reduplication), a phrase after a comma, and words inside longer words alone", () => {
    expect(doubled(withTask(`${FIRST_TASK}, thực hiện song song và dần dần`))).toEqual([]);
    expect(doubled(withTask(`${FIRST_TASK}, từng bước, từng bước`))).toEqual([]);
    // "cơ sở" then "sở dữ liệu": one syllable shared, no phrase twice
    expect(doubled(withTask(`${FIRST_TASK}, cơ sở sở dữ liệu`))).toEqual([]);
    // the first starts where a word starts, the second ends where a word ends ("tra" is not "trang")
    expect(doubled(withTask(`${FIRST_TASK}, kiểm tra kiểm trang`))).toEqual([]);
    expect(doubled(withTask(`${FIRST_TASK}, Ukiểm tra kiểm tra`))).toEqual([]);
  });

  it("finds nothing in the bundled seed", () => {
    expect(doubled(seedYaml)).toEqual([]);
  });
});
