/** The seed's decision DOCX, built in this process, read back and recognized: the model it was built from. */
import { describe, expect, it } from "vitest";
import { isGroup, type Group, type Row } from "../../../src/model/schema.ts";
import { readSource } from "../../../src/read/read-source.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { buildSeedDocx } from "../../support/seed-docx.ts";

const { decision: seed, bytes } = await buildSeedDocx();
const read = readSource(bytes, { name: "qd-503-2013.docx" });
const recognized = recognizeDocument(read.document!, { file: "qd-503-2013.docx" });
const decision = recognized.decision!;

/** Every row's cells in order, with the group labels above it. */
function rowCells(items: readonly (Group | Row)[], path: string[] = []): string[][] {
  return items.flatMap((item) => (isGroup(item) ? rowCells(item.items, [...path, `${item.group} ${item.title}`]) : [[...path, item.number, item.content, item.product ?? "", item.lead ?? "", item.support ?? "", item.deadline ?? ""]]));
}

describe("the seed decision as DOCX, read back", () => {
  it("is recognized without errors", () => {
    expect([...read.diagnostics, ...recognized.diagnostics].filter((d) => d.severity === "error")).toEqual([]);
  });

  it("has the seed's header, title block, căn cứ and proposal", () => {
    for (const key of ["issuer", "document", "subject", "authority", "legalBases", "proposal", "decides"] as const) expect(decision[key], key).toEqual(seed[key]);
  });

  it("has the seed's articles with every block of Điều 1", () => {
    expect(decision.articles).toEqual(seed.articles);
  });

  it("has the seed's signer, and its Nơi nhận as printed (now from the source)", () => {
    expect(decision.signer).toEqual(seed.signer);
    expect(decision.recipients).toEqual({ ...seed.recipients, origin: "source" });
  });

  it("has the appendix's heading, columns, groups and every row's cell text", () => {
    const [appendix] = decision.appendices;
    const [expected] = seed.appendices;
    expect([appendix!.heading, appendix!.title, appendix!.reference]).toEqual([expected!.heading, expected!.title, expected!.reference]);
    expect(appendix!.columns).toEqual(expected!.columns);
    expect(rowCells(appendix!.items)).toEqual(rowCells(expected!.items));
  });

  it("reads a trích yếu that opens as a body paragraph does (\"Thực hiện …\") from its centred bold line", async () => {
    const subject = "Thực hiện Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ";
    const { bytes: docx } = await buildSeedDocx("nd30", (d) => ({ ...d, subject }));
    const again = recognizeDocument(readSource(docx, { name: "subject.docx" }).document!, { file: "subject.docx" });
    expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([again.decision!.subject, again.decision!.authority, again.decision!.legalBases]).toEqual([subject, seed.authority, seed.legalBases]);
  });

  it("places the validation's diagnostics at their table cell", () => {
    expect(recognized.places.get("appendices.0.items.3.group")).toEqual({ file: "qd-503-2013.docx", at: "section 2, table 1, row 19, cell 1" });
  });
});
