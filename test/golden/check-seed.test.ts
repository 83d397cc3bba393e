/**
 * `vanban check` on our own seed decision, rendered with each profile: no layout rule fails; the rules
 * the seed cannot show are listed as not evaluated with their reason; the official wording kept as
 * written (a trích yếu in capitals, a căn cứ block closing with ",") comes out as warnings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.ts";
import { checkDiagnostics } from "../../src/check/diagnostics.ts";
import { LAYOUT_RULE_IDS, type CheckReport } from "../../src/check/report.ts";
import type { Profile } from "../../src/model/schema.ts";
import { buildSeedDocx } from "../support/seed-docx.ts";

const reports = new Map<Profile, CheckReport>();

beforeAll(async () => {
  for (const profile of ["nd30", "tt01"] as const) {
    const seed = await buildSeedDocx(profile);
    reports.set(profile, checkDocx(seed.bytes, { profile, measurer: seed.ctx.measurer }));
  }
});

/** Why each rule is not evaluated on the seed. */
const NOT_EVALUATED = {
  "HDR-PARENT": /no parent body/, // UBND tỉnh has no parent body
  "BODY-PART": /no Phần or Chương/, // the plan's sections are "I. MỤC TIÊU", not Phần/Chương
  "SIGN-DIGITAL": /optional/, // electronic signature text: optional, not rendered
  "RECIP-KG": /công văn/, // a Quyết định has no Kính gửi
};

describe.each(["nd30", "tt01"] as const)("seed decision, profile %s", (profile) => {
  const report = () => reports.get(profile)!;

  it("is recognised as a Quyết định and reports every DOCX rule of the spec once, in order", () => {
    expect(report().kind).toBe("decision");
    expect(report().profile).toBe(profile);
    expect(report().results.map((r) => r.ruleId)).toEqual([...LAYOUT_RULE_IDS]);
  });

  it("fails no rule", () => {
    const failures = report().results.filter((r) => r.status === "fail");
    expect(failures.map((r) => `${r.ruleId}: ${r.message}`)).toEqual([]);
  });

  it("leaves only the rules the seed cannot show unevaluated, each with its reason", () => {
    const skipped = report().results.filter((r) => r.status === "not-evaluated");
    expect(skipped.map((r) => r.ruleId)).toEqual(Object.keys(NOT_EVALUATED));
    for (const r of skipped) expect(r.message).toMatch(NOT_EVALUATED[r.ruleId as keyof typeof NOT_EVALUATED]);
  });

  it("measures what it passes: the header lines and the Quốc hiệu against Tinos widths", () => {
    const result = (id: string) => report().results.find((r) => r.ruleId === id)!;
    expect(result("HDR-TN-LINE").measured).toMatch(/^159\.\d+ pt \(100 % of 159\.14 pt\)/);
    expect(result("HDR-ISSUER-LINE").measured).toMatch(/\(40 % of/);
    expect(result("TITLE-LINE").measured).toMatch(/\(40 % of/);
    expect(result("HDR-QH").measured).toMatch(/250\.34 pt wide in a 279\.2 pt cell/);
    expect(result("PAGE-NUM").measured).toMatch(profile === "nd30" ? /center in word\/header/ : /right in word\/footer/);
    expect(result("BODY-PARA").message).toMatch(/^60 body paragraphs/);
  });

  it("notes the wording kept as written as warnings, not errors", () => {
    const diagnostics = checkDiagnostics(report(), "qd-503-2013.docx");
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ["TITLE-SUBJECT", "warning"],
      ["BODY-BASIS", "warning"],
    ]);
  });
});
