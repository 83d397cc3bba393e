import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../../src/io/model-file.ts";
import { resolveDecision } from "../../../src/resolve/resolve-decision.ts";
import { runCliInProcess } from "../../support/cli.ts";
import { validationEnv } from "../../support/seed.ts";

/** A schema 1 model as vanban 0.1 wrote it: resolved ids and due dates stored beside the text. */
const V1 = `# yaml-language-server: $schema=../schema/decision.schema.json
# a clerk's note at the top
profile: nd30
issuer:
  lines: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG NAM]
  code: UBND
  place: Quảng Nam
document: { type: QUYẾT ĐỊNH, typeCode: QĐ, number: "120", symbol: QĐ-UBND, date: 2014-01-15 }
subject: Ban hành Kế hoạch năm 2014
authority: ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
legalBases: [Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003.]
articles:
  - number: "1"
    text: Ban hành Kế hoạch kèm theo Quyết định này./.
signer: { prefix: KT., capacity: CHỦ TỊCH, titles: [PHÓ CHỦ TỊCH], name: Nguyễn Văn A }
recipients: { items: [Như Điều 3;], archive: "Lưu: VT." }
appendix:
  heading: PHỤ LỤC
  title: NHIỆM VỤ
  reference: (Ban hành kèm theo Quyết định số 120/QĐ-UBND)
  planYear: "2014"
  columns:
    - { key: number, label: STT }
    - { key: content, label: NỘI DUNG }
    - { key: lead, label: CHỦ TRÌ }
    - { key: deadline, label: THỜI HẠN }
  groups:
    - numeral: I
      title: NHÓM MỘT
      tasks:
        - number: "1"
          content: Việc thứ nhất
          lead: { text: Sở Tư pháp, agencies: [so-tu-phap] }
          deadline: { text: Quý I, due: 2014-03-31 }
        - number: "2"
          content: Việc thứ hai
          lead: { text: Các địa phương, agencies: [ubnd-tam-ky, ubnd-hoi-an] }
          deadline: { text: Thường xuyên, due: 2014-12-31 }
letters:
  symbol: UBND-NC
  date: 2014-01-15
  subject: Triển khai kế hoạch năm 2014
  signer: { prefix: TM., capacity: ỦY BAN NHÂN DÂN, titles: [CHỦ TỊCH], name: Lê Văn B }
  archive: "Lưu: VT."
`;

describe("vanban migrate: schema 1 → 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanban-migrate-"));
  const file = join(dir, "model.yaml");

  it("reads a schema 1 file as schema 2 with a warning that names the command", async () => {
    const loaded = parseModel(V1, file);
    expect(loaded.migratedFrom).toBe("1");
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([["model/migrated", "warning"]]);
    expect(loaded.diagnostics[0]!.hint).toContain(`vanban migrate ${file}`);
  });

  it("rewrites the file keeping every value: signer lines as written, stored values the text does not give as overrides", async () => {
    writeFileSync(file, V1);
    const run = await runCliInProcess(["migrate", file]);
    expect(run.status).toBe(0);
    const text = readFileSync(file, "utf8");
    const modeline = `# yaml-language-server: $schema=${relative(dir, resolve("schema/decision.schema.json"))}`;
    expect(text.split("\n").slice(0, 3)).toEqual([modeline, "# a clerk's note at the top", 'schemaVersion: "2"']);
    const migrated = parseModel(text, file);
    expect(migrated.migratedFrom).toBeUndefined();
    expect(migrated.diagnostics).toEqual([]);
    const decision = migrated.decision!;
    expect(decision.signer).toEqual({ lines: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: "Nguyễn Văn A" });
    expect(decision.letters!.signer.lines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(decision.appendices[0]!.columns.map((c) => c.role)).toEqual(["number", "content", "lead", "deadline"]);
    // I.1's stored id and date are what the text says: dropped. I.2's are not in the text: kept, guarded by it.
    expect(decision.overrides).toEqual([
      { task: "I.2", field: "lead", text: "Các địa phương", agencies: ["ubnd-tam-ky", "ubnd-hoi-an"] },
      { task: "I.2", field: "deadline", text: "Thường xuyên", due: "2014-12-31" },
    ]);
  });

  it("sends every task where schema 1 did", async () => {
    const env = await validationEnv();
    const before = resolveDecision(parseModel(V1, file).decision!, env.resolver);
    const after = resolveDecision(parseModel(readFileSync(file, "utf8"), file).decision!, env.resolver);
    const view = (r: typeof before) => r.tasks.map((t) => [t.ref, t.lead, t.due]);
    expect(view(after)).toEqual(view(before));
    expect(view(after)[1]).toEqual(["I.2", ["ubnd-tam-ky", "ubnd-hoi-an"], "2014-12-31"]);
  });

  it("says so and changes nothing when the file is already schema 2", async () => {
    const before = readFileSync(file, "utf8");
    const run = await runCliInProcess(["migrate", file, "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, changed: false });
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses a schema version it does not know, at its line", () => {
    const loaded = parseModel(`schemaVersion: "9"\n${V1.split("\n").slice(2).join("\n")}`, file);
    expect(loaded.decision).toBeUndefined();
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.start?.line])).toEqual([["model/schema-version", 1]]);
  });
});
