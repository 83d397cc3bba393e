/**
 * A phrase of two to four words written twice in a row ("Căn cứ Căn cứ", "phát triển phát triển"): a slip of
 * the drafter or of a copy and paste. A single word twice is left alone: Vietnamese doubles syllables on
 * purpose ("song song", "dần dần", "từ từ"). Only white space may stand between the two: "từng bước, từng
 * bước" is written so.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import type { Rule } from "./context.ts";
import { walkStrings } from "./known-typos.ts";

const WORD = String.raw`[\p{L}\p{M}]+`;
const SPACE = String.raw`[ \t\u00a0]+`;
/** At most four words a phrase: each start of a phrase is tried a bounded number of times. */
const DOUBLED = new RegExp(String.raw`(?<![\p{L}\p{M}])(${WORD}(?:${SPACE}${WORD}){1,3})${SPACE}\1(?![\p{L}\p{M}])`, "giu");

export const checkDoubledPhrases: Rule = (decision) => {
  const out: Diagnostic[] = [];
  for (const [path, text] of walkStrings(decision)) {
    const doubled = [...text.matchAll(DOUBLED)];
    if (doubled.length === 0) continue;
    // the first of the two is kept: the fix takes out the second and the space before it
    const fixed = text.replace(DOUBLED, (_, phrase: string) => phrase);
    for (const [found, phrase] of doubled) out.push(diagnose("text/doubled-phrase", { found: found!, phrase: phrase! }, { path, fix: { path, from: text, to: fixed } }));
  }
  return out;
};
