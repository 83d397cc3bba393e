/**
 * What a model may hold: whatever passes these limits builds in bounded memory and minutes, and whatever does
 * not is refused by `validate` and `build` alike, before any rendering, with the limit named and the place.
 * The numbers come from measurements on the 2-core development machine (Node 20, December 2026):
 * - 1,000 agencies × 15,000 synthetic tasks (2.7 M characters): 330 s of CPU, peak 1.5 GB; 10,000 tasks
 *   (the bench's largest case): 240 s, 1.2 GB. 100,000 tasks ran out of V8's 4 GB heap after 6 minutes, and
 *   validating them alone took 30 s and 2.5 GB. 2,000 agencies × 4,000 tasks (8,000 files): 192 s, 1.35 GB.
 * - Parsing the YAML of 100,000 tasks (15 MB) took 60 s and 900 MB before any check could run: the file's
 *   size is bounded first. The largest file within it, 50,000 short tasks in 7.7 MB, is refused in 36 s and
 *   590 MB (on a busy machine), the other checks left out.
 * - pdfmake breaks a word wider than its column by a binary search of prefixes, for every line it takes: a
 *   cell of 10,000 characters without a space took 150 s and 1.7 GB (2,000: 17 s); 200 runs of 200 characters
 *   cost 2 s more than the same text in words.
 * - A row taller than a page is laid out again for every page it spans: a cell of 50,000 line breaks, or of
 *   500 KB of words, took over 3 minutes; 2,000 line breaks 5 s more than none, 10,000 characters of words
 *   nothing measurable.
 * - A căn cứ of 20,000 characters builds in 4 s (the two-task model); a trích yếu of 20,000 passed validation
 *   but made the letters' opening template expand past its own limit, blamed on the template.
 * Real documents stay far below: the seed has 37 tasks, 41 agencies, 20,000 characters, 609 in its longest
 * paragraph; across ../shared/corpus the longest trích yếu is 405 characters, paragraph 2,300, cell 3,163 (a
 * workbook's summary of comments), word 32, and a cell has at most 8 line breaks.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { listTasks, tableEntries, type ModelPath } from "../model/refs.ts";
import type { Decision } from "../model/schema.ts";
import type { ModelTexts, ValidationEnv } from "./context.ts";
import { walkStrings } from "./known-typos.ts";

export const MODEL_LIMITS = {
  /** the model file, in bytes: 15,000 tasks of the bench's wording take 5.6 MB */
  modelBytes: 8 * 1024 * 1024,
  tasks: 15_000,
  /** table rows of one appendix, group rows and sub-rows included (a list of units has rows but no tasks) */
  appendixRows: 20_000,
  /** agencies with a letter, as the lead and support cells name them: each is a packet of four files */
  agencies: 2_000,
  /** task rows of all the letters together: "Các Sở" in every support cell lists each task in every letter */
  letterRows: 60_000,
  /** characters of all the model's text */
  modelChars: 3_000_000,
  cellChars: 10_000,
  /** characters of a căn cứ, an article, a section, a paragraph of an attached document */
  paragraphChars: 20_000,
  /**
   * characters of any other text, a line or two on the page: the trích yếu, the issuer's lines, a heading, the
   * signer, a Nơi nhận item. The letters' templates quote some of them (20,000 characters at most a template)
   */
  lineChars: 1_000,
  /** line breaks in one cell or paragraph */
  lineBreaks: 300,
  /** characters without a space (a pasted URL is shorter; a longer run is a paste gone wrong) */
  wordChars: 200,
} as const;

const count = (n: number) => n.toLocaleString("en-US");

const LONG_WORD = new RegExp(`\\S{${MODEL_LIMITS.wordChars + 1},}`, "u");

/** The first run of more than MODEL_LIMITS.wordChars characters without a space: where it starts, how long it is. */
export function longWord(text: string): { index: number; length: number } | undefined {
  const found = LONG_WORD.exec(text);
  return found ? { index: found.index, length: found[0].length } : undefined;
}

const PARAGRAPH_ROOTS = new Set(["legalBases", "proposal", "preamble", "articles", "content"]);

/** What a text of the model is: a cell of an appendix table, a paragraph of the document, or a line. */
function textKind(path: ModelPath): "cell" | "paragraph" | "line" {
  // an override repeats its cell as it read
  if ((path[0] === "appendices" && path.includes("items")) || path[0] === "overrides") return "cell";
  if (PARAGRAPH_ROOTS.has(String(path[0])) || (path[0] === "attachments" && path.includes("content"))) return "paragraph";
  return "line";
}

const TEXT_LIMITS = { cell: MODEL_LIMITS.cellChars, paragraph: MODEL_LIMITS.paragraphChars, line: MODEL_LIMITS.lineChars };

function checkTexts(strings: Iterable<[ModelPath, string]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  let total = 0;
  let totalReported = false;
  for (const [path, text] of strings) {
    total += text.length;
    if (!totalReported && total > MODEL_LIMITS.modelChars) {
      out.push(diagnose("limit/model-text", { limit: count(MODEL_LIMITS.modelChars) }, { path }));
      totalReported = true;
    }
    const what = textKind(path);
    const limit = TEXT_LIMITS[what];
    if (text.length > limit) out.push(diagnose("limit/text", { what, length: count(text.length), limit: count(limit) }, { path }));
    const breaks = text.split("\n").length - 1;
    if (breaks > MODEL_LIMITS.lineBreaks) out.push(diagnose("limit/line-breaks", { what, breaks: count(breaks), limit: count(MODEL_LIMITS.lineBreaks) }, { path }));
    const word = longWord(text);
    if (word) {
      const start = text.slice(word.index, word.index + 20);
      out.push(diagnose("limit/long-word", { start, length: count(word.length), at: count(word.index + 1), limit: count(MODEL_LIMITS.wordChars) }, { path }));
    }
  }
  return out;
}

/** Rows per appendix, tasks, agencies and letter rows, each reported at the first entry past its limit. */
function checkCounts(decision: Decision, env: ValidationEnv): Diagnostic[] {
  const out: Diagnostic[] = [];
  decision.appendices.forEach((appendix, a) => {
    const past = tableEntries(appendix, ["appendices", a])[MODEL_LIMITS.appendixRows];
    if (past) out.push(diagnose("limit/appendix-rows", { limit: count(MODEL_LIMITS.appendixRows) }, { path: past.path }));
  });
  const tasks = listTasks(decision);
  const pastTasks = tasks[MODEL_LIMITS.tasks];
  // resolving the cells of an over-limit model is what the limit spares
  if (pastTasks) return [...out, diagnose("limit/tasks", { count: count(tasks.length), limit: count(MODEL_LIMITS.tasks) }, { path: pastTasks.path })];
  const agencies = new Set<string>();
  let letterRows = 0;
  for (const task of tasks) {
    const named = new Set<string>();
    for (const field of ["lead", "support"] as const) {
      const resolution = env.resolver.resolve(task.task[field]);
      for (const id of [...resolution.agencies, ...resolution.unresolved]) named.add(id);
    }
    letterRows += named.size;
    for (const id of named) {
      if (agencies.has(id)) continue;
      agencies.add(id);
      if (agencies.size === MODEL_LIMITS.agencies + 1) out.push(diagnose("limit/agencies", { limit: count(MODEL_LIMITS.agencies) }, { path: task.path }));
    }
    if (letterRows > MODEL_LIMITS.letterRows) {
      out.push(diagnose("limit/letter-rows", { limit: count(MODEL_LIMITS.letterRows) }, { path: task.path }));
      break;
    }
  }
  return out;
}

/**
 * The model within MODEL_LIMITS. Run before every other rule: validateDecision stops here when a limit is
 * passed, since the other checks of a model ten times too large take minutes and gigabytes themselves.
 */
export function checkLimits(decision: Decision, env: ValidationEnv, texts: ModelTexts = walkStrings(decision)): Diagnostic[] {
  return [...checkTexts(texts), ...checkCounts(decision, env)];
}
