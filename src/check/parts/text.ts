/**
 * Text as the checker compares it: NFC, spaces collapsed, and split into the lines a paragraph shows
 * (a manual line break `w:br` starts a new line). Patterns recognise parts by their wording.
 */
import type { Paragraph, Run } from "../../read/docx/ooxml/paragraphs.ts";

/** One line of a paragraph: its text and the pieces of runs that draw it. */
export interface TextLine {
  paragraph: Paragraph;
  text: string;
  runs: Run[];
}

export const normalise = (text: string): string => text.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();

export const isBlank = (p: Paragraph): boolean => normalise(p.text) === "";

/** The runs that draw something. */
export const visibleRuns = (runs: readonly Run[]): Run[] => runs.filter((r) => !r.isFieldCode && !r.format.hidden && r.text.trim() !== "");

/** The lines a paragraph shows, split at manual breaks; blank lines are dropped. */
export function linesOf(p: Paragraph): TextLine[] {
  const lines: TextLine[] = [{ paragraph: p, text: "", runs: [] }];
  for (const run of p.runs) {
    if (run.isFieldCode || run.format.hidden) continue;
    run.text.split("\n").forEach((piece, i) => {
      if (i > 0) lines.push({ paragraph: p, text: "", runs: [] });
      const line = lines.at(-1)!;
      line.text += piece;
      if (piece !== "") line.runs.push({ ...run, text: piece });
    });
  }
  return lines.map((l) => ({ ...l, text: normalise(l.text) })).filter((l) => l.text !== "");
}

/** The text as shown: w:caps runs in capitals. */
export function shownText(line: Pick<TextLine, "runs">): string {
  return normalise(line.runs.map((r) => (r.format.caps ? r.text.toLocaleUpperCase("vi") : r.text)).join(""));
}

const hasLetters = (text: string): boolean => /\p{L}/u.test(text);
export const isCaps = (text: string): boolean => hasLetters(text) && text === text.toLocaleUpperCase("vi");

/** "Căn cứ Luật Tổ chức…" → `Căn cứ Luật Tổ chức…` shortened for reports. */
export function excerpt(text: string, length = 60): string {
  const t = normalise(text);
  return t.length <= length ? t : `${t.slice(0, length - 1)}…`;
}

// ------------------------------------------------------------------------------------------ patterns
// JS's \b only knows ASCII letters ("cứ\b" never matches before a space): a word ending in a
// Vietnamese letter ends with (?![\p{L}\p{N}]) or \s instead.

/** HDR-QH; "HOÀ" is the older placement of the tone mark and reads the same. */
export const NATIONAL_NAME_PATTERN = /^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
/** HDR-TN, recognised whatever the dashes; the rule checks the exact form. */
export const MOTTO_PATTERN = /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu;
export const NUMBER_PATTERN = /^Số\s*:/u;
/** "Quảng Nam, ngày 06 tháng 02 năm 2013"; a draft leaves the day or the month blank */
export const PLACE_DATE_PATTERN = /,\s*ngày\s+(?:.*\s)?tháng\s+(?:.*\s)?năm\s/iu;
export const SUBJECT_LINE_PATTERN = /^V\/v\b/iu;
export const BASIS_PATTERN = /^Căn cứ(?![\p{L}\p{N}])/iu;
/** the sentence that closes the căn cứ block */
export const PROPOSAL_PATTERN = /^(Theo|Xét) (đề nghị|đề xuất)(?![\p{L}\p{N}])/iu;
/** "QUYẾT ĐỊNH:" of a decision, "QUYẾT NGHỊ:" of a resolution */
export const DECIDES_PATTERN = /^QUYẾT (ĐỊNH|NGHỊ)\s*:$/iu;
export const ARTICLE_PATTERN = /^Điều\s+\d+/u;
export const POINT_PATTERN = /^([a-zđ])\)\s/u;
export const PART_PATTERN = /^(Phần|Chương)\s+(thứ\s+\S+|[IVXLC]+)\b/iu;
export const RECIPIENTS_PATTERN = /^Nơi nhận\b/iu;
export const ADDRESSEES_PATTERN = /^Kính gửi\b/iu;
export const APPENDIX_PATTERN = /^Phụ lục\b/iu;
/** SIGN-PREFIX: what looks like a capacity prefix, well formed or not ("T/M", "KT " …) */
export const PREFIX_LIKE_PATTERN = /^(TM|KT|Q|TL|TUQ|T\/M|K\/T|T\.M|K\.T|T\/L|TUQ\/)(?=[.\s/])/u;

/** The document types of ND30 Điều 7 (and "công văn"), as their type line reads. */
const DOCUMENT_TYPES = [
  "NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "THÔNG CÁO", "THÔNG BÁO", "HƯỚNG DẪN",
  "CHƯƠNG TRÌNH", "KẾ HOẠCH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "BÁO CÁO", "BIÊN BẢN", "TỜ TRÌNH", "HỢP ĐỒNG",
  "CÔNG VĂN", "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "GIẤY ỦY QUYỀN", "GIẤY MỜI", "GIẤY GIỚI THIỆU",
  "GIẤY NGHỈ PHÉP", "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU BÁO", "THƯ CÔNG",
] as const;

/** The type a line names, whatever its case ("Quyết định" is recognised; TITLE-TYPE then asks for capitals). */
export function documentTypeOf(text: string): string | undefined {
  const upper = normalise(text).toLocaleUpperCase("vi").replace("THOẢ", "THỎA").replace("UỶ", "ỦY");
  return DOCUMENT_TYPES.find((type) => upper === type);
}
