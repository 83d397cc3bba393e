/**
 * A phrase of two to four words written twice in a row ("Căn cứ Căn cứ", "phát triển phát triển"): a slip of
 * the drafter or of a copy and paste. A single word twice is left alone: Vietnamese doubles syllables on
 * purpose ("song song", "dần dần", "từ từ"). Only white space may stand between the words: "từng bước, từng
 * bước" is written so.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import type { Rule } from "./context.ts";

const WORD = /[\p{L}\p{M}]+/gu;
const SPACE = /^[ \t\u00a0]+$/;
const LONGEST = 4;
const SHORTEST = 2;

interface Word {
  start: number;
  end: number;
  folded: string;
  /** only white space between this word and the next */
  spaceAfter: boolean;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const previous = words.at(-1);
    if (previous) previous.spaceAfter = SPACE.test(text.slice(previous.end, m.index));
    words.push({ start: m.index, end: m.index + m[0].length, folded: m[0].toLowerCase(), spaceAfter: false });
  }
  return words;
}

/** The `size` words from `at`, then the same words again, all apart by white space only. */
function doubledAt(words: readonly Word[], at: number, size: number): boolean {
  if (at + 2 * size > words.length) return false;
  for (let i = 0; i < 2 * size - 1; i++) if (!words[at + i]!.spaceAfter) return false;
  for (let i = 0; i < size; i++) if (words[at + i]!.folded !== words[at + size + i]!.folded) return false;
  return true;
}

const WHITE_SPACE = /[ \t\u00a0]+/;

/**
 * Whether `text` may hold a doubled phrase: some piece between white space starts the piece two to four
 * pieces on. A phrase's second word and its twin are such pieces whatever punctuation stands around the phrase
 * (only its first and last word can carry any), so every doubled phrase passes; most texts do not.
 */
function mayHoldDoubled(text: string): boolean {
  const pieces = text.toLowerCase().split(WHITE_SPACE);
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i] === "") continue;
    for (let size = SHORTEST; size <= LONGEST && i + size < pieces.length; size++) if (pieces[i + size]!.startsWith(pieces[i]!)) return true;
  }
  return false;
}

/** Each doubled phrase of `text`, left to right, the longest first where several start at one word. */
function doubledPhrases(text: string): { start: number; phraseEnd: number; end: number }[] {
  const found: { start: number; phraseEnd: number; end: number }[] = [];
  if (!mayHoldDoubled(text)) return found;
  const words = wordsOf(text);
  for (let at = 0; at + 2 * SHORTEST <= words.length; ) {
    let size = LONGEST;
    while (size >= SHORTEST && !doubledAt(words, at, size)) size--;
    if (size < SHORTEST) {
      at++;
      continue;
    }
    found.push({ start: words[at]!.start, phraseEnd: words[at + size - 1]!.end, end: words[at + 2 * size - 1]!.end });
    at += 2 * size;
  }
  return found;
}

export const checkDoubledPhrases: Rule = (_decision, _env, texts) => {
  const out: Diagnostic[] = [];
  for (const [path, text] of texts) {
    const doubled = doubledPhrases(text);
    if (doubled.length === 0) continue;
    // the first of the two is kept: the fix takes out the second and the space before it
    let fixed = "";
    let from = 0;
    for (const d of doubled) {
      fixed += text.slice(from, d.phraseEnd);
      from = d.end;
    }
    fixed += text.slice(from);
    for (const d of doubled) {
      out.push(diagnose("text/doubled-phrase", { found: text.slice(d.start, d.end), phrase: text.slice(d.start, d.phraseEnd) }, { path, fix: { path, from: text, to: fixed } }));
    }
  }
  return out;
};
