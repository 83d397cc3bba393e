/**
 * Reads a deadline as written ("Quý I", "Tháng 3", "30/6/2013", …) into a due date of the plan year.
 * The wording is never changed; an open-ended form ("Thường xuyên") has no due date.
 */
// by subpath: the package's index loads every one of its functions (≈ 150 ms at start-up; these four ≈ 17 ms)
import { endOfMonth } from "date-fns/endOfMonth";
import { endOfQuarter } from "date-fns/endOfQuarter";
import { endOfYear } from "date-fns/endOfYear";
import { subDays } from "date-fns/subDays";
import { foldVietnamese } from "./text.ts";
import { calendarDate, toIsoDate } from "./dates.ts";

export type DeadlineReading =
  | { kind: "date"; due: string }
  | { kind: "open" }
  | { kind: "empty" }
  | { kind: "unknown" };

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function explicitDate(folded: string, planYear: number): Date | undefined {
  const numeric = /(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/.exec(folded);
  if (numeric) return calendarDate(Number(numeric[3] ?? planYear), Number(numeric[2]), Number(numeric[1]));
  const words = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?/.exec(folded);
  if (words) return calendarDate(Number(words[3] ?? planYear), Number(words[2]), Number(words[1]));
  return undefined;
}

function readDate(folded: string, planYear: number): Date | undefined {
  const yearMatch = /nam\s+(\d{4})/.exec(folded);
  const year = yearMatch ? Number(yearMatch[1]) : planYear;

  const before = /^(?:truoc|chuong)\s+ngay\s+(.*)$/.exec(folded);
  if (before) {
    // "Trước ngày 15/3" means done by the day before.
    const date = explicitDate(`ngay ${before[1]}`, planYear) ?? explicitDate(before[1]!, planYear);
    return date && subDays(date, 1);
  }
  const quarter = /^(?:trong\s+)?quy\s+(iv|iii|ii|i|[1-4])\b/.exec(folded);
  if (quarter) return endOfQuarter(new Date(year, (ROMAN_QUARTER[quarter[1]!]! - 1) * 3, 1));
  const month = /^(?:trong\s+)?thang\s+(\d{1,2})\b/.exec(folded);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? endOfMonth(new Date(year, m - 1, 1)) : undefined;
  }
  const half = /^(6|sau)\s+thang\s+(dau|cuoi)\s+nam/.exec(folded);
  if (half) return half[2] === "dau" ? calendarDate(year, 6, 30) : endOfYear(new Date(year, 0, 1));
  if (/^(cham nhat\s+)?(den\s+)?cuoi\s+nam\b/.test(folded) || /^nam\s+\d{4}$/.test(folded)) {
    return endOfYear(new Date(year, 0, 1));
  }
  return explicitDate(folded, planYear);
}

const OPEN_ENDED = /^(thuong xuyen|hang nam|hang quy|hang thang|lien tuc|dinh ky)\b/;

export function readDeadline(text: string, planYear: number): DeadlineReading {
  const folded = foldVietnamese(text).replace(/[.;,]+$/, "").trim();
  if (folded === "") return { kind: "empty" };
  if (OPEN_ENDED.test(folded)) return { kind: "open" };
  const date = readDate(folded, planYear);
  return date ? { kind: "date", due: toIsoDate(date) } : { kind: "unknown" };
}
