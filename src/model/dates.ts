/** Dates of the model are ISO strings (YYYY-MM-DD); formatting follows HDR-DATE. */

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** A calendar date as a local Date, or undefined when it does not exist (31/2, month 13). */
export function calendarDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Left in a draft where the văn thư writes the day or the month by hand. */
export const BLANK_DAY = "     ";

/**
 * HDR-DATE: day < 10 and months 1–2 get a leading zero; months 3–12 do not. A draft's date ("2025-12",
 * "2025") leaves blanks: "ngày      tháng 12 năm 2025".
 */
export function formatDayMonthYear(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number?, number?];
  const dd = day === undefined ? BLANK_DAY : day < 10 ? `0${day}` : String(day);
  const mm = month === undefined ? BLANK_DAY : month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Quảng Nam, ngày 06 tháng 02 năm 2013" */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place}, ${formatDayMonthYear(iso)}`;
}

/** dd/mm/yyyy, as shown in tables and citations; a draft's blank day or month is "…" ("…/12/2025"), as a blank number is. */
export function formatShortDate(date: string): string {
  const [year, month, day] = date.split("-") as [string, string?, string?];
  return `${day ?? "…"}/${month ?? "…"}/${year}`;
}

/** The instant used for every file timestamp: midnight UTC of the model's date. */
export function isoToUtcDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(earliestIssueDay(iso));
  return new Date(Date.UTC(year, month - 1, day));
}

/** A draft's date leaves the day, or the day and the month, blank: the earliest day it can be signed. */
export function earliestIssueDay(date: string): string {
  return `${date}${"-01-01".slice(date.length - 4)}`;
}
