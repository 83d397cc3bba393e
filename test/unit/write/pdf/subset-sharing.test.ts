import { describe, expect, it } from "vitest";
import { SUBSET_REPERTOIRE } from "../../../../src/write/pdf/subset-sharing.ts";

describe("SUBSET_REPERTOIRE", () => {
  it("is ascending and without repeats (the subset's glyph order follows it)", () => {
    for (let i = 1; i < SUBSET_REPERTOIRE.length; i++) expect(SUBSET_REPERTOIRE[i]!).toBeGreaterThan(SUBSET_REPERTOIRE[i - 1]!);
  });

  it("holds every Vietnamese letter with every tone, in both cases, and printable ASCII", () => {
    const vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
    const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
    const letters = vowels.flatMap((v) => tones.map((t) => (v + t).normalize("NFC")));
    const all = [...letters, ...letters.map((l) => l.toUpperCase()), "đ", "Đ"];
    expect(all).toHaveLength(146);
    for (const letter of all) {
      expect([...letter], letter).toHaveLength(1);
      expect(SUBSET_REPERTOIRE, letter).toContain(letter.codePointAt(0));
    }
    for (let cp = 0x20; cp <= 0x7e; cp++) expect(SUBSET_REPERTOIRE).toContain(cp);
  });
});
