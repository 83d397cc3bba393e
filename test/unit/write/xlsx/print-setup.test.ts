import { describe, expect, it } from "vitest";
import { profileLayout } from "../../../../src/layout/profiles.ts";
import { columnLetter, sheetOptions } from "../../../../src/write/xlsx/print-setup.ts";

describe("print setup", () => {
  it.each([
    [1, "A"],
    [6, "F"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("names column %i %s", (n, letters) => expect(columnLetter(n)).toBe(letters));

  it("puts the page number where the profile says (PAGE-NUM), never on page 1", () => {
    const nd30 = sheetOptions(profileLayout("nd30"), 3).headerFooter!;
    expect(nd30).toMatchObject({ differentFirst: true });
    expect(nd30.oddHeader).toMatch(/^&C.*&P$/);
    expect(nd30.firstHeader).toBeUndefined();
    const tt01 = sheetOptions(profileLayout("tt01"), 3).headerFooter!;
    expect(tt01.oddFooter).toMatch(/^&R.*&P$/);
    expect(tt01.oddHeader).toBeUndefined();
  });

  it("freezes the rows above the first data row", () => {
    expect(sheetOptions(profileLayout("nd30"), 8).views).toEqual([{ state: "frozen", xSplit: 0, ySplit: 8, topLeftCell: "A9", activeCell: "A9" }]);
  });
});
