/**
 * The marks of the header grid as they are written (spec/layout.md §2): Quốc hiệu, Tiêu ngữ, "Số: …/…"
 * and the place-date line. Each is searched anywhere in a line, since a tab-aligned header carries both
 * columns on one line ("ỦY BAN NHÂN DÂN \t CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
 */
export const NATIONAL_NAME = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/iu;
export const MOTTO = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu;
/** "Số: 503/QĐ-UBND" (a scrape may drop the colon); a draft leaves the number blank ("Số:      /KH-UBND") */
export const NUMBER = /(?:^|[\s\u00a0])Số\s*:?\s*(\d*)[\s\u00a0]*\/[\s\u00a0]*([\p{L}\p{N}][\p{L}\p{N}.\-]*)/u;
/** "ngày 06 tháng 02 năm 2013"; a draft leaves the day, or the day and the month, blank or dotted */
export const DATE = /ngày[\s\u00a0]*(\d{1,2})?[\s\u00a0….]*tháng[\s\u00a0]*(\d{1,2})?[\s\u00a0….]*năm[\s\u00a0]*(\d{4})/u;
/** the short rule drawn under the issuer or the motto in a scrape: "-------", "___" */
export const RULE_LINE = /^[-_–—=.…·\s\u00a0]{3,}$/u;
/** the columns of a tab-aligned line: a tab, or three spaces and more */
export const COLUMN_GAP = /[\t]+|[ \u00a0]{3,}/;

/** The first column of a line: its text before the first mark (Quốc hiệu, Tiêu ngữ, "Số:", the date). */
export function leftOfMarks(raw: string): string {
  const starts = [NATIONAL_NAME, MOTTO, NUMBER, DATE].map((re) => re.exec(raw)?.index ?? raw.length);
  const before = raw.slice(0, Math.min(...starts));
  // "Số:" matched with its leading space; the place name of the date belongs to the date
  const dateAt = DATE.exec(raw)?.index;
  const upTo = dateAt !== undefined && dateAt === Math.min(...starts) ? placeStart(raw, dateAt) : before.length;
  return (
    before
      .slice(0, upTo)
      .split(COLUMN_GAP)
      // "BỘ TƯ PHÁP --------": the rule under the issuer run on
      .map((piece) => piece.replace(/[\s\u00a0]*[-_=–—]{3,}$/u, "").trim())
      .find((piece) => piece !== "") ?? ""
  );
}

/** Where the place name before ", ngày" starts: after the last column gap before it. */
function placeStart(raw: string, dateAt: number): number {
  const before = raw.slice(0, dateAt);
  let start = 0;
  for (const gap of before.matchAll(new RegExp(COLUMN_GAP.source, "g"))) start = gap.index + gap[0].length;
  return start;
}

/** The place name of a date line: the words before ", ngày", after the last column gap. */
export function placeBefore(raw: string): string {
  const dateAt = DATE.exec(raw)?.index ?? 0;
  return raw
    .slice(placeStart(raw, dateAt), dateAt)
    .replace(/[,\s\u00a0]+$/u, "")
    .trim();
}
