/**
 * Text as the checker compares it: NFC, spaces collapsed, and split into the lines a paragraph shows
 * (a manual line break `w:br` starts a new line).
 */
import type { Paragraph, Run } from "../../read/docx/ooxml/paragraphs.ts";

/** One line of a paragraph (or a column of it): its text and the pieces of runs that draw it. */
export interface TextLine {
  paragraph: Paragraph;
  text: string;
  runs: Run[];
  /** a column's alignment as it stands in a tab-aligned line; the paragraph's otherwise */
  alignment?: string;
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
// The parts are recognised by src/recognize; these are the wordings the rules check.
// JS's \b only knows ASCII letters ("cứ\b" never matches before a space): a word ending in a
// Vietnamese letter ends with (?![\p{L}\p{N}]) or \s instead.

/** HDR-QH; "HOÀ" is the older placement of the tone mark and reads the same. */
export const NATIONAL_NAME_PATTERN = /^CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu;
export const ARTICLE_PATTERN = /^Điều\s+\d+/u;
export const POINT_PATTERN = /^([a-zđ])\)\s/u;
/** SIGN-PREFIX: what looks like a capacity prefix, well formed or not ("T/M", "KT " …) */
export const PREFIX_LIKE_PATTERN = /^(TM|KT|Q|TL|TUQ|T\/M|K\/T|T\.M|K\.T|T\/L|TUQ\/)(?=[.\s/])/u;
