import { describe, expect, it } from "vitest";
import type { Appendix, Decision, Group, Row } from "../../../src/model/schema.ts";
import { validateDecision } from "../../../src/validate/validate-decision.ts";
import { loadSeed } from "../../support/seed-docx.ts";
import { validationEnv } from "../../support/seed.ts";

const seed = await loadSeed();
const env = await validationEnv();
const COLUMNS: Appendix["columns"] = [
  { role: "number", label: "STT" },
  { role: "content", label: "Nội dung" },
  { role: "lead", label: "Chủ trì" },
  { role: "deadline", label: "Thời hạn" },
];
const row = (number: string, extra: Partial<Row> = {}): Row => ({ number, content: `việc ${number}`, lead: "Sở Nội vụ", deadline: "Quý I", rows: [], ...extra });
const withTable = (items: (Group | Row)[]): Decision => ({ ...structuredClone(seed.decision), appendices: [{ heading: "PHỤ LỤC", title: "T", reference: "", columns: COLUMNS, items }] });
const ruleIds = (d: Decision) => validateDecision(d, env).filter((x) => x.ruleId.startsWith("appendix/")).map((x) => [x.ruleId, x.path?.join(".")]);

describe("merged cells and contents", () => {
  it("a span over rows that leave the cell out is fine", () => {
    const { lead: _lead, ...noLead } = row("2");
    expect(ruleIds(withTable([{ group: "I", title: "A", items: [row("1", { span: { lead: "2" } }), { ...noLead, rows: [] }] }]))).toEqual([]);
  });

  it("a covered row that writes its own cell is an error at that row", () => {
    expect(ruleIds(withTable([{ group: "I", title: "A", items: [row("1", { span: { lead: "2" } }), row("2")] }]))).toEqual([["appendix/span-covered-cell", "appendices.0.items.0.items.1"]]);
  });

  it("a span past the next group row, or naming no column, is an error at the span", () => {
    const items: Group[] = [
      { group: "I", title: "A", items: [row("1", { span: { lead: "3", ghiChu: "2" } })] },
      { group: "II", title: "B", items: [row("1")] },
    ];
    expect(ruleIds(withTable(items))).toEqual([
      ["appendix/span-too-long", "appendices.0.items.0.items.0.span.lead"],
      ["appendix/span-unknown-column", "appendices.0.items.0.items.0.span.ghiChu"],
    ]);
  });

  it("tables nest at most 8 levels: deeper is one error at the first row too deep", () => {
    let items: (Group | Row)[] = [row("1")];
    for (let level = 9; level >= 0; level--) items = [{ group: String(level), title: "t", items }];
    expect(ruleIds(withTable(items)).filter(([id]) => id === "appendix/too-deep")).toEqual([["appendix/too-deep", `appendices.0${".items.0".repeat(9)}`]]);
  });

  it("a task without content is a warning", () => {
    expect(ruleIds(withTable([{ group: "I", title: "A", items: [row("1", { content: "" })] }]))).toEqual([["appendix/empty-content", "appendices.0.items.0.items.0"]]);
  });
});

describe("signers (SIGN-PREFIX)", () => {
  const withSigner = (lines: string[]): Decision => ({ ...structuredClone(seed.decision), signer: { lines, name: "Nguyễn Văn A" } });
  const signerRules = (d: Decision) => validateDecision(d, env).filter((x) => x.ruleId.startsWith("model/signer")).map((x) => [x.ruleId, x.path?.join(".")]);

  it("accepts capacity lines as written, compound or a head signing in person", () => {
    expect(signerRules(withSigner(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]))).toEqual([]);
    expect(signerRules(withSigner(["CHỦ TỊCH"]))).toEqual([]);
    expect(signerRules(withSigner(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]))).toEqual([]);
  });

  it("reports a prefix without its dot, at its line, and a signer with no title line", () => {
    expect(signerRules(withSigner(["TM ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]))).toEqual([["model/signer-prefix", "signer.lines.0"]]);
    expect(signerRules(withSigner(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]))).toEqual([["model/signer-title", "signer.lines"]]);
  });
});

describe("Nơi nhận (RECIP-ITEMS)", () => {
  it("a line without its ';', or a last line without its '.', is a warning at that line", () => {
    const decision = structuredClone(seed.decision);
    decision.recipients = { ...decision.recipients, items: ["Như Điều 3;", "CPVP"], archive: "Lưu: VT, KTTH, NC.Châu" };
    const found = validateDecision(decision, env).filter((d) => d.ruleId === "model/recipients-punctuation").map((d) => d.path?.join("."));
    expect(found).toEqual(["recipients.items.1", "recipients.archive"]);
    expect(validateDecision(seed.decision, env).some((d) => d.ruleId === "model/recipients-punctuation")).toBe(false);
  });
});
