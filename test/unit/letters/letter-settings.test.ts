import { describe, expect, it } from "vitest";
import { loadLetterWording } from "../../../src/io/templates.ts";
import type { Letters } from "../../../src/model/schema.ts";
import { runsText } from "../../../src/plan/heights.ts";
import type { BlockNode, DocumentPlan } from "../../../src/plan/nodes.ts";
import type { ResolvedDecision } from "../../../src/resolve/resolve-decision.ts";
import { letterPlan } from "../../support/letters.ts";
import { loadSeed } from "../../support/seed-docx.ts";

const seed = await loadSeed();
const wording = await loadLetterWording();
const blocks = (plan: DocumentPlan): BlockNode[] => plan.sections.flatMap((s) => s.blocks);
const numberLineOf = (plan: DocumentPlan) => blocks(plan).flatMap((b) => (b.kind === "headerGrid" ? b.number : []))[0]!;
const plansOf = (resolved: ResolvedDecision, ids: string[]) =>
  ids.map((id) => letterPlan(resolved, resolved.assignments.find((a) => a.agency.id === id)!, seed.ctx, wording));
const withLetters = (change: (letters: Letters) => void) => {
  const copy = structuredClone(seed.decision);
  change(copy.letters!);
  return seed.resolve(copy);
};

describe("letter numbers", () => {
  it("are left blank for the văn thư by default", () => {
    const [plan] = plansOf(seed.resolved, ["so-noi-vu"]);
    expect("text" in numberLineOf(plan!) && numberLineOf(plan!).text).toBe("Số:       /UBND-NC");
  });

  it("run on from the first number of a register range, in the order the letters are listed; one given per agency wins", () => {
    const resolved = withLetters((l) => void (l.numbers = { from: "120", byAgency: { "so-y-te": "95" } }));
    const order = resolved.assignments.map((a) => a.agency.id);
    const [first, second, yTe] = plansOf(resolved, [order[0]!, order[1]!, "so-y-te"]);
    expect([first, second, yTe].map((p) => "text" in numberLineOf(p!) && numberLineOf(p!).text)).toEqual(["Số: 120/UBND-NC", "Số: 121/UBND-NC", "Số: 95/UBND-NC"]);
    expect(first!.metadata.subject).toContain("120/UBND-NC");
  });
});

describe("the letter's body and Nơi nhận", () => {
  const textOf = (plan: DocumentPlan) => blocks(plan).flatMap((b) => (b.kind === "paragraph" ? [runsText(b.runs)] : []));
  const recipientsOf = (plan: DocumentPlan) => blocks(plan).flatMap((b) => (b.kind === "closing" ? b.recipients.flatMap((l) => ("text" in l ? [l.text] : [])) : []));

  it("names the agency in the body as the Kính gửi line does", () => {
    const [plan] = plansOf(seed.resolved, ["ubnd-tam-ky"]);
    const addressee = blocks(plan!).find((b) => b.kind === "addressee")!;
    expect(addressee.kind === "addressee" && addressee.lines).toEqual(["Kính gửi: Ủy ban nhân dân thành phố Tam Kỳ"]);
    const body = textOf(plan!);
    expect(body[0]).toContain("giao Ủy ban nhân dân thành phố Tam Kỳ triển khai");
    expect(body.at(-1)).toContain("Đề nghị Ủy ban nhân dân thành phố Tam Kỳ khẩn trương");
  });

  it("does not repeat the addressee after “Như trên” when it is also a copy (the agency reports go through)", () => {
    const [noiVu, taiChinh] = plansOf(seed.resolved, ["so-noi-vu", "so-tai-chinh"]);
    expect(recipientsOf(taiChinh!)).toContain("- Sở Nội vụ (theo dõi);");
    expect(recipientsOf(noiVu!)).not.toContain("- Sở Nội vụ (theo dõi);");
    expect(recipientsOf(noiVu!)).toContain("- Như trên;");
  });
});

describe("the opening paragraph", () => {
  const opening = (resolved: ResolvedDecision) => {
    const [plan] = plansOf(resolved, ["so-noi-vu"]);
    return blocks(plan!).flatMap((b) => (b.kind === "paragraph" ? [runsText(b.runs)] : []))[0]!;
  };

  it("cites a decision by what it does: “… của Ủy ban nhân dân tỉnh Quảng Nam ban hành Kế hoạch …”", () => {
    expect(opening(seed.resolved)).toContain("Quảng Nam ban hành Kế hoạch cải cách hành chính năm 2013");
  });

  it("cites a Kế hoạch, a draft without its number and day, by its topic: “… về cải cách hành chính năm 2013”", () => {
    const copy = structuredClone(seed.decision);
    copy.document = { ...copy.document, type: "KẾ HOẠCH", typeCode: "KH", number: "", symbol: "KH-UBND", date: "2013-02" };
    copy.subject = "Cải cách hành chính năm 2013";
    const text = opening(seed.resolve(copy));
    expect(text).toContain("Thực hiện Kế hoạch số …/KH-UBND ngày …/02/2013");
    expect(text).toContain("Quảng Nam về cải cách hành chính năm 2013");
  });
});
