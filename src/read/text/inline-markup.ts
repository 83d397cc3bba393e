/**
 * The inline text of a scraped paragraph as runs: markdown emphasis (`**bold**`, `*italic*`, opened on one
 * wrapped line and closed on another), footnote marks "[1]" kept apart for pairing, and the link noise a
 * crawler leaves ("[Link: https://…]", "[JavaScript: …]", "[ID: …]") removed.
 */
import type { SourceRun } from "../source-document.ts";

/** A run that may be a footnote reference: its mark ("1") until the footnotes are paired. */
export interface ParsedRun extends SourceRun {
  noteMark?: string;
}

/** "[Label: …]" with an ASCII label: what a crawler writes for links and scripts, never Vietnamese text. */
const LINK_NOISE = /[ \t]?\[[A-Za-z]+: [^\]\n]*\]/g;
const TOKENS = /\*\*|\*|\[(\d{1,3})\]/g;

function stripLinkNoise(text: string): string {
  return text.replace(LINK_NOISE, "");
}

/** Runs of `text`; with `markdown`, asterisks are emphasis marks, else they are text. */
export function parseInline(text: string, markdown: boolean): ParsedRun[] {
  const runs: ParsedRun[] = [];
  let bold = false;
  let italic = false;
  const push = (piece: string) => {
    if (piece === "") return;
    const run: ParsedRun = { text: piece };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    runs.push(run);
  };
  const clean = stripLinkNoise(text).normalize("NFC");
  let at = 0;
  for (const match of clean.matchAll(TOKENS)) {
    if (match[1] === undefined && !markdown) continue;
    push(clean.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[0] === "**") bold = !bold;
    else if (match[0] === "*") italic = !italic;
    else runs.push({ ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), text: match[0], noteMark: match[1]! });
  }
  push(clean.slice(at));
  return runs;
}

/** Whether a wrapped line leaves an emphasis open (an odd number of "**" or of single "*"). */
export function leavesEmphasisOpen(text: string): boolean {
  const doubles = text.match(/\*\*/g)?.length ?? 0;
  const singles = text.replace(/\*\*/g, "").match(/\*/g)?.length ?? 0;
  return doubles % 2 === 1 || singles % 2 === 1;
}
