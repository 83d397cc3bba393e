/**
 * Sentence case for a line in capitals, with the words of case-dictionary.ts as an official text writes
 * them: "THỰC HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ" → "Thực hiện Quyết định số
 * 1899/QĐ-TTg của Thủ tướng Chính phủ". A trích yếu a site put in capitals is restored so, and reported;
 * one in capitals with nothing to show that the site changed it stays as written (`model/subject-caps`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/rules.ts";
import type { Decision } from "../model/schema.ts";
import { isAllCaps } from "../model/text.ts";
import { ABBREVIATIONS, DOCUMENT_CONTEXT, DOCUMENT_NAMES, NAMED_DOCUMENTS, NAMES, SYMBOLS } from "./case-dictionary.ts";

const lower = (text: string) => text.toLocaleLowerCase("vi");
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const bySpelling = (words: readonly string[]) => new Map(words.map((w) => [lower(w), w]));
const SYMBOL_FORMS = bySpelling(SYMBOLS);
const ABBREVIATION_FORMS = bySpelling(ABBREVIATIONS);

/** Longest first, so that "Thủ tướng Chính phủ" is written before "Chính phủ" inside it could be. */
const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_LETTER_AFTER = "(?![\\p{L}\\p{N}])";
const wordsPattern = (words: readonly string[]) => longestFirst(words).map((w) => escape(lower(w))).join("|");

const NAME_RE = new RegExp(`${NOT_LETTER_BEFORE}(${wordsPattern(NAMES)})${NOT_LETTER_AFTER}`, "gu");
const CONTEXT = `(?:${wordsPattern(DOCUMENT_CONTEXT)})`;
const DOCUMENT_RE = new RegExp(`(${NOT_LETTER_BEFORE}${CONTEXT}\\s+(?:các\\s+)?)(${wordsPattern(DOCUMENT_NAMES)})${NOT_LETTER_AFTER}|${NOT_LETTER_BEFORE}(${wordsPattern(DOCUMENT_NAMES)})(?=\\s+(?:số${NOT_LETTER_AFTER}|\\d))`, "gu");
/**
 * "Luật phòng thủ dân sự", once "Luật" is written as a particular document: the first word of the law's own
 * name (not "số", "năm" or a number)
 */
const NAMED_RE = new RegExp(`${NOT_LETTER_BEFORE}(${longestFirst(NAMED_DOCUMENTS).map(escape).join("|")})\\s+(?!(?:số|năm)${NOT_LETTER_AFTER})(\\p{Ll})`, "gu");
/** a ký hiệu ("1899/QĐ-TTG", "200/2025/NĐ-CP", "KH-UBND"): parts joined by "/" or "-", no space */
const SYMBOL_TOKEN = /^[\p{L}\p{N}]+(?:[/-][\p{L}\p{N}]+)+$/u;

const DOCUMENT_FORMS = bySpelling(DOCUMENT_NAMES);
const NAME_FORMS = bySpelling(NAMES);

/** A word in capitals as the dictionary writes it, or undefined when the dictionary does not know it. */
function writtenForm(word: string): string | undefined {
  const abbreviation = ABBREVIATION_FORMS.get(lower(word));
  if (abbreviation) return abbreviation;
  if (!SYMBOL_TOKEN.test(word)) return undefined;
  const parts = word.split(/([/-])/);
  // a ký hiệu has a part the dictionary knows, or a number and letters ("15/2012/QH13", not "và/hoặc");
  // its unknown parts stay in capitals
  const numbered = parts.some((part) => /^\d+$/.test(part)) && parts.some((part) => /\p{L}/u.test(part));
  if (!numbered && !parts.some((part) => SYMBOL_FORMS.has(lower(part)))) return undefined;
  return parts.map((part) => SYMBOL_FORMS.get(lower(part)) ?? part.toLocaleUpperCase("vi")).join("");
}

/** Each word of `text` (in capitals) that the dictionary writes otherwise: [as found, as written]. */
function dictionaryWords(text: string): [string, string][] {
  return text.split(/\s+/).flatMap((token): [string, string][] => {
    const word = token.replace(/^[("“]+|[)"”,.;:]+$/gu, "");
    const form = word === "" ? undefined : writtenForm(word);
    return form !== undefined ? [[word, form]] : [];
  });
}

/** `text` (in capitals) in sentence case: lower case but for the first letter and the dictionary's words. */
export function sentenceCase(text: string): string {
  const forms = new Map(dictionaryWords(text).map(([found, form]) => [lower(found), form]));
  let out = lower(text)
    .replace(NAME_RE, (name: string) => NAME_FORMS.get(name) ?? name)
    .replace(DOCUMENT_RE, (_whole: string, before: string | undefined, afterContext: string | undefined, numbered: string | undefined) =>
      before !== undefined ? before + DOCUMENT_FORMS.get(afterContext!)! : DOCUMENT_FORMS.get(numbered!)!,
    )
    .replace(NAMED_RE, (_whole: string, name: string, letter: string) => `${name} ${letter.toLocaleUpperCase("vi")}`);
  out = out.replace(/[^\s]+/gu, (token) => {
    const word = token.replace(/^[("“]+|[)"”,.;:]+$/gu, "");
    const form = forms.get(word);
    return form === undefined ? token : token.replace(word, form);
  });
  return upperFirst(out);
}

/**
 * A trích yếu in capitals with a word no official text writes in capitals ("QĐ-TTG" for "QĐ-TTg", "IOT" for
 * "IoT"): a site put it in capitals (thuvienphapluat does). It is restored to sentence case, and said so at
 * the place it was read.
 */
export function restoreSiteCapitals(decision: Decision, places: ReadonlyMap<string, Place>): { decision: Decision; diagnostics: Diagnostic[] } {
  const { subject } = decision;
  const evidence = isAllCaps(subject) ? dictionaryWords(subject).filter(([found, form]) => form !== found) : [];
  if (evidence.length === 0) return { decision, diagnostics: [] };
  const text = sentenceCase(subject);
  const [found, written] = evidence[0]!;
  return { decision: { ...decision, subject: text }, diagnostics: [diagnose("recognize/case-restored", { found, written, text }, places.get("subject") ?? {})] };
}
