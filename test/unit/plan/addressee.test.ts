import { describe, expect, it } from "vitest";
import { addresseeLines } from "../../../src/plan/letter.ts";

describe("RECIP-KG: the Kính gửi lines", () => {
  it("one addressee stands on the label's line", () => {
    expect(addresseeLines(["Sở Nội vụ"])).toEqual(["Kính gửi: Sở Nội vụ"]);
  });

  it("several stand on their own lines, each ending ';', the last '.'", () => {
    expect(addresseeLines(["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"])).toEqual(["Kính gửi:", "- Sở Nội vụ;", "- Sở Tài chính;", "- Sở Tư pháp."]);
  });

  it("writes NFC", () => {
    expect(addresseeLines(["Sở Nội vụ".normalize("NFD")])[0]).toBe("Kính gửi: Sở Nội vụ".normalize("NFC"));
  });
});
