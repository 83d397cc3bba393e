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

/** HDR-DATE: day < 10 and months 1–2 get a leading zero; months 3–12 do not. */
export function formatDayMonthYear(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Quảng Nam, ngày 06 tháng 02 năm 2013" */
export function formatPlaceDate(place: string, iso: string): string {
  return `${place}, ${formatDayMonthYear(iso)}`;
}

/** dd/mm/yyyy, as shown in tables. */
export function formatShortDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** The instant used for every file timestamp: midnight UTC of the model's date. */
export function isoToUtcDate(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}
