/**
 * Which of vanban's two text inputs a file is, from its text: the scraped text of a decision (for `import`)
 * or a model in YAML (for `validate` and `build`), so that a file given to the wrong command is named as what
 * it is, with the command meant, instead of failing with twelve YAML errors or "no Số: line".
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";

/** Lines that every scraped decision has and no YAML model has at the start of a line. */
const SCRAPE_MARKS = [
  /^\s*(ỦY|UỶ) BAN NHÂN DÂN\s*$/m,
  /^\s*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/m,
  /^\s*Độc lập - Tự do - Hạnh phúc\s*$/m,
  /^\s*Số:\s*\S+/m,
  /^\s*Điều 1\./m,
  /^\s*QUYẾT ĐỊNH:?\s*$/m,
];

/** Top-level keys of a model, at column 1. */
const MODEL_KEYS = /^(schemaVersion|profile|issuer|document|subject|legalBases|articles|appendix|appendices|letters|signer):/gm;

const looksLikeScrape = (text: string) => SCRAPE_MARKS.filter((mark) => mark.test(text)).length >= 3 && (text.match(MODEL_KEYS) ?? []).length < 2;
const looksLikeModel = (text: string) => new Set((text.match(MODEL_KEYS) ?? []).map((key) => key.slice(0, -1))).size >= 3;

/** `validate` or `build` given a scrape: the diagnostic that says to import it first. */
export function scrapeGivenAsModel(text: string, file: string): Diagnostic | undefined {
  if (!looksLikeScrape(text)) return undefined;
  return diagnose(
    "input/wrong-command",
    { looksLike: "the scraped text of a decision", expected: "a model (YAML)", command: `import it first: vanban import ${file} -o model.yaml, then validate or build model.yaml` },
    { file, start: { line: 1, column: 1 } },
  );
}

/** `import` given a model: the diagnostic that names the commands for it. */
export function modelGivenAsScrape(text: string, file: string): Diagnostic | undefined {
  if (!looksLikeModel(text) || looksLikeScrape(text)) return undefined;
  return diagnose(
    "input/wrong-command",
    { looksLike: "a vanban model (YAML)", expected: "the scraped text of a decision", command: `it is imported already: vanban validate ${file}, or vanban build ${file}` },
    { file, start: { line: 1, column: 1 } },
  );
}
