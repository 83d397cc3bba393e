import { describe, expect, it } from "vitest";
import { readDeadline } from "../../../src/model/deadline.ts";
import { formatDayMonthYear, formatShortDate } from "../../../src/model/dates.ts";

describe("readDeadline against plan year 2013", () => {
  it.each([
    ["Quý I", "2013-03-31"],
    ["Quý II", "2013-06-30"],
    ["quý III", "2013-09-30"],
    ["Quý IV", "2013-12-31"],
    ["Trong quý II", "2013-06-30"],
    ["Tháng 1", "2013-01-31"],
    ["Tháng 2", "2013-02-28"],
    ["Tháng 12", "2013-12-31"],
    ["Chậm nhất đến cuối năm 2013", "2013-12-31"],
    ["Cuối năm", "2013-12-31"],
    ["6 tháng đầu năm", "2013-06-30"],
    ["30/6/2013", "2013-06-30"],
    ["30/6", "2013-06-30"],
    ["Trước ngày 15/3/2013", "2013-03-14"],
    ["Trước ngày 01 tháng 4 năm 2013", "2013-03-31"],
    ["Quý I năm 2014", "2014-03-31"],
  ])("%j → %s", (text, due) => {
    expect(readDeadline(text, 2013)).toEqual({ kind: "date", due });
  });

  it.each(["Thường xuyên", "Hằng năm", "Hàng năm", "thường xuyên."])("%j is open-ended", (text) => {
    expect(readDeadline(text, 2013)).toEqual({ kind: "open" });
  });

  it.each(["Khi có yêu cầu", "Tháng 13", "31/2/2013", "Quý V"])("%j is unknown", (text) => {
    expect(readDeadline(text, 2013).kind).toBe("unknown");
  });

  it("does not depend on the time zone (dates are calendar dates)", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Ho_Chi_Minh"]) {
        process.env.TZ = tz; // Node re-reads TZ on assignment
        expect([readDeadline("Quý I", 2013), readDeadline("Trước ngày 01/4/2013", 2013)]).toEqual([
          { kind: "date", due: "2013-03-31" },
          { kind: "date", due: "2013-03-31" },
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("HDR-DATE formatting", () => {
  it.each([
    ["2013-02-06", "ngày 06 tháng 02 năm 2013"],
    ["2013-01-22", "ngày 22 tháng 01 năm 2013"],
    ["2013-06-15", "ngày 15 tháng 6 năm 2013"],
    ["2013-12-01", "ngày 01 tháng 12 năm 2013"],
  ])("%s → %s", (iso, text) => expect(formatDayMonthYear(iso)).toBe(text));
  it("short form is dd/mm/yyyy", () => expect(formatShortDate("2013-03-05")).toBe("05/03/2013"));
});
