/**
 * The wording of the công văn (assignment letters): Handlebars templates under `templates/letter/`, or under
 * `<dir>/letter/` with `--templates <dir>`. Templates give sentences only; structure, fonts and positions are
 * TypeScript (STYLE.md "Templates"). io/templates.ts reads the files; this module compiles and renders their
 * sources and touches no file.
 *
 * Safety: an isolated Handlebars environment, `strict` (a missing field is an error), `noEscape` (plain text,
 * no HTML entities), only the helpers below (`knownHelpersOnly`), no prototype access, and data passed as
 * null-prototype objects, so `{{constructor}}` in a template is a missing field and model text such as
 * `{{#each this}}` is never compiled: it is data and comes out literally.
 */
import path from "node:path";
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDayMonthYear, formatShortDate } from "../model/dates.ts";
import { longWord, MODEL_LIMITS } from "../validate/limits.ts";
import { findFieldProblems, type LetterFields } from "./template-fields.ts";

export const LETTER_TEMPLATES = ["opening", "lead-intro", "support-intro", "closing", "lead-columns", "support-columns"] as const;
export type LetterTemplateName = (typeof LETTER_TEMPLATES)[number];

/**
 * The loaded template sources (read by io/templates.ts). Plain data on purpose: it can be posted to a worker
 * thread, and each thread compiles (and caches) the templates itself.
 */
export interface LetterWording {
  /** the template root the files were read from (absolute, symlinks resolved) */
  dir: string;
  sources: Record<LetterTemplateName, string>;
}

/** What a letter template can use (listed in templates/letter/opening.hbs too). Every field is always present. */
export interface LetterTemplateData {
  decision: { type: string; number: string; symbol: string; date: string; subject: string; subjectSentence: string; planYear: string };
  issuer: { name: string; shortName: string; code: string; place: string };
  agency: { name: string; short: string; addressee: string };
  letter: { number: string; symbol: string; date: string; subject: string };
  lead: { count: number; label: string };
  support: { count: number; label: string };
  /** `via`: the agency reports go through ("qua Sở Nội vụ"); empty in its own letter or when the model names none */
  report: { via: string };
}

/** The fields of LetterTemplateData, for the check of every name a template uses (template-fields.ts). */
const LETTER_FIELDS = {
  decision: ["type", "number", "symbol", "date", "subject", "subjectSentence", "planYear"],
  issuer: ["name", "shortName", "code", "place"],
  agency: ["name", "short", "addressee"],
  letter: ["number", "symbol", "date", "subject"],
  lead: ["count", "label"],
  support: ["count", "label"],
  report: ["via"],
} satisfies { [G in keyof LetterTemplateData]: readonly (keyof LetterTemplateData[G])[] } & LetterFields;

/**
 * What one template may expand to: a paragraph of a letter is a few hundred characters, so far more is a loop
 * gone wrong ({{#each}} inside {{#each}}…), stopped at the block that overflows instead of taking minutes.
 */
export const MAX_TEMPLATE_OUTPUT_CHARS = 20_000;
const MAX_BLOCK_RUNS = 2_000;

export type TemplateErrorCode =
  | "template/dir"
  | "template/missing"
  | "template/unsafe-path"
  | "template/unreadable"
  | "template/syntax"
  | "template/field"
  | "template/render"
  | "template/columns"
  | "template/too-large";

const HINTS: Record<TemplateErrorCode, string> = {
  "template/dir": "pass a directory that holds letter/*.hbs (copy the bundled templates/ folder to start)",
  "template/missing": `a template directory needs letter/{${LETTER_TEMPLATES.join(",")}}.hbs`,
  "template/unsafe-path": "templates are read only from inside the template directory; copy the file there instead of linking to it",
  "template/unreadable": "save the template as UTF-8 text",
  "template/syntax": "check the {{…}} braces near that position",
  "template/field": "use one of the fields listed in templates/letter/opening.hbs",
  "template/render": "check the helper arguments near that position",
  "template/columns": "a column template has one heading per line, six lines",
  "template/too-large": "a {{#each}} inside another multiplies its output: keep one level of blocks",
};

/** An input problem with the templates: the CLI turns it into a diagnostic (`templateErrorDiagnostic`). */
export class TemplateError extends Error {
  override readonly name = "TemplateError";
  readonly hint: string;

  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly where: { file?: string; line?: number; column?: number } = {},
    hint?: string,
  ) {
    super(message);
    this.hint = hint ?? HINTS[code];
  }
}

export function templateErrorDiagnostic(error: TemplateError): Diagnostic {
  const diagnostic: Diagnostic = { ruleId: error.code, severity: "error", message: error.message, hint: error.hint };
  if (error.where.file !== undefined) diagnostic.file = error.where.file;
  if (error.where.line !== undefined) diagnostic.start = { line: error.where.line, column: (error.where.column ?? 0) + 1 };
  return diagnostic;
}

// ---------------------------------------------------------------------------------------------------------------
// The Handlebars environment: one per thread, configured once, never changed afterwards.

function isoDate(value: unknown, helper: string): string {
  if (typeof value !== "string" || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    throw new Error(`${helper} expects an ISO date (YYYY-MM-DD, or YYYY-MM for a draft), got ${describe(value)}`);
  }
  return value;
}

function wholeNumber(value: unknown, helper: string): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new Error(`${helper} expects a whole number, got ${describe(value)}`);
  return n;
}

function describe(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : typeof value === "number" ? String(value) : "nothing";
}

/** HDR-NUMBER / quantities: a number below 10 gets a leading zero ("07 nhiệm vụ"). */
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

const HELPERS = {
  /** HDR-DATE: "ngày 06 tháng 02 năm 2013" (day < 10 and months 1–2 get a leading zero) */
  longDate: (value: unknown) => formatDayMonthYear(isoDate(value, "longDate")),
  /** tables and citations: "06/02/2013" */
  shortDate: (value: unknown) => formatShortDate(isoDate(value, "shortDate")),
  twoDigits: (value: unknown) => twoDigits(wholeNumber(value, "twoDigits")),
  /** a document number as printed: "05", "503"; an empty number (left for the văn thư) prints as "…" */
  docNumber: (value: unknown) => (value === "" ? "…" : twoDigits(wholeNumber(value, "docNumber"))),
};

const hb = Handlebars.create();
hb.registerHelper(HELPERS);
hb.unregisterHelper("log");

/**
 * A render that went past MAX_TEMPLATE_OUTPUT_CHARS or MAX_BLOCK_RUNS, at the block where it did, or that gave a
 * word longer than a model's text may hold (pdfmake takes minutes to break one: validate/limits.ts).
 */
class ExpansionLimit extends Error {
  constructor(
    readonly loc: { start: { line: number; column: number } } | undefined,
    word?: { length: number },
  ) {
    super(
      word
        ? `the template expands to ${word.length} characters without a space, over the limit of ${MODEL_LIMITS.wordChars} (it could not be laid out in minutes); stopped here`
        : `the template expands to more than ${MAX_TEMPLATE_OUTPUT_CHARS} characters (or ${MAX_BLOCK_RUNS} block runs); stopped here`,
    );
  }
}

/** Output and block runs of the render in progress (rendering is synchronous: one at a time per thread). */
const budget = { chars: 0, runs: 0 };

type BlockOptions = Handlebars.HelperOptions & { loc?: ExpansionLimit["loc"] };
type BlockFn = Handlebars.TemplateDelegate;

function budgeted(fn: BlockFn | undefined, loc: ExpansionLimit["loc"]): BlockFn | undefined {
  if (!fn) return fn;
  return Object.assign((context: unknown, options?: Handlebars.RuntimeOptions) => {
    if (++budget.runs > MAX_BLOCK_RUNS) throw new ExpansionLimit(loc);
    const out = fn(context, options);
    budget.chars += out.length;
    if (budget.chars > MAX_TEMPLATE_OUTPUT_CHARS) throw new ExpansionLimit(loc);
    return out;
  }, fn);
}

// The block helpers count what their blocks produce.
for (const name of ["each", "if", "unless", "with"]) {
  const builtin = hb.helpers[name] as (this: unknown, context: unknown, options: BlockOptions) => string;
  hb.registerHelper(name, function (this: unknown, context: unknown, options: BlockOptions) {
    const out = builtin.call(this, context, { ...options, fn: budgeted(options.fn, options.loc)!, inverse: budgeted(options.inverse, options.loc)! });
    // `{{#each}}{{ref}}{{/each}}` runs its short outputs together
    const word = longWord(out);
    if (word) throw new ExpansionLimit(options.loc, word);
    return out;
  });
}

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: { ...Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])), log: false },
};
const RUNTIME_OPTIONS: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** Compiled templates by source text: a per-thread cache, so a worker compiles each template once. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compile(source: string): HandlebarsTemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    template = hb.compile(source, COMPILE_OPTIONS);
    compiled.set(source, template);
  }
  return template;
}

/**
 * Parses and compiles once, when the templates are loaded (io/templates.ts), so that a typo or an unknown
 * helper is reported before any letter is drawn.
 */
export function checkTemplateSyntax(source: string, file: string): void {
  try {
    hb.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw fromHandlebars(error, "template/syntax", file, undefined);
  }
  const [problem] = findFieldProblems(hb.parse(source), LETTER_FIELDS, new Set(Object.keys(HELPERS)));
  if (problem) throw new TemplateError("template/field", problem.message, { file, line: problem.line, column: problem.column }, problem.hint);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

type Plain = { [key: string]: string | number | Plain };

/**
 * A null-prototype copy: `'constructor' in data` is false, so strict mode reports `{{constructor}}` as missing.
 * Its `Symbol.toPrimitive` names the object in Handlebars' "not defined in …" message.
 */
function nullProto(value: Plain, label: string): Plain {
  const copy = Object.create(null) as Plain;
  Object.defineProperty(copy, Symbol.toPrimitive, { value: () => label, enumerable: false });
  for (const [key, v] of Object.entries(value)) copy[key] = typeof v === "object" ? nullProto(v, key) : v;
  return copy;
}

const ROOT_LABEL = "the letter data";

function fieldsOf(data: Plain, label: string): string[] {
  const target = label === ROOT_LABEL ? data : data[label];
  return typeof target === "object" ? Object.keys(target) : [];
}

function fromHandlebars(error: unknown, code: TemplateErrorCode, file: string, data: Plain | undefined): TemplateError {
  const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const raw = typeof e.message === "string" ? e.message : String(error);
  const message = raw.replace(/ - \d+:\d+$/, "");
  const where: TemplateError["where"] = { file };
  if (typeof e.lineNumber === "number") where.line = e.lineNumber;
  if (typeof e.column === "number") where.column = e.column;
  // `{{agency.name.x}}`: strict mode looks for "x" in a string with `in`, which throws a TypeError
  const inText = /^Cannot use 'in' operator to search for '(.+)' in /.exec(message);
  if (inText) return new TemplateError("template/field", `"${inText[1]}" is not a field: the value before it is text`, where);
  const missing = /^"(.+)" not defined in (.+)$/.exec(message);
  if (missing && data) {
    const [, field, owner] = missing as unknown as [string, string, string];
    const known = fieldsOf(data, owner);
    return new TemplateError("template/field", `"${field}" is not a field of ${owner}`, where, known.length ? `${owner} has: ${known.join(", ")}` : undefined);
  }
  return new TemplateError(code, message, where);
}

/** The file a template was read from, for messages. */
function displayFile(wording: Pick<LetterWording, "dir">, name: LetterTemplateName): string {
  return path.join(wording.dir, "letter", `${name}.hbs`);
}

function run(wording: LetterWording, name: LetterTemplateName, data: LetterTemplateData): string {
  const file = displayFile(wording, name);
  const plain = nullProto(data as unknown as Plain, ROOT_LABEL);
  budget.chars = 0;
  budget.runs = 0;
  let text: string;
  try {
    text = compile(wording.sources[name])(plain, RUNTIME_OPTIONS).normalize("NFC");
  } catch (error) {
    if (error instanceof ExpansionLimit) throw tooLarge(error, file);
    throw fromHandlebars(error, "template/render", file, plain);
  }
  // text outside any block counts too (a template is at most 64 KB, its values are short)
  if (text.length > MAX_TEMPLATE_OUTPUT_CHARS) throw tooLarge(new ExpansionLimit(undefined), file);
  const word = longWord(text);
  if (word) throw tooLarge(new ExpansionLimit(sourcePlace(wording.sources[name], text.slice(word.index, word.index + MODEL_LIMITS.wordChars)), word), file);
  return text;
}

/** Where the template's own text holds `excerpt` (a word written in it, not made by a field), if it does. */
function sourcePlace(source: string, excerpt: string): ExpansionLimit["loc"] {
  const at = source.indexOf(excerpt);
  if (at < 0) return undefined;
  const before = source.slice(0, at).split("\n");
  // columns from 0, as Handlebars gives them
  return { start: { line: before.length, column: before.at(-1)!.length } };
}

function tooLarge(error: ExpansionLimit, file: string): TemplateError {
  const where: TemplateError["where"] = { file };
  if (error.loc) Object.assign(where, { line: error.loc.start.line, column: error.loc.start.column });
  return new TemplateError("template/too-large", error.message, where);
}

/** A paragraph template: line breaks of the template file are only for reading, so white space is collapsed. */
export function renderParagraph(wording: LetterWording, name: LetterTemplateName, data: LetterTemplateData): string {
  return run(wording, name, data).replace(/\s+/g, " ").trim();
}

/** A column-heading template: one heading per non-empty line, exactly `count` of them. */
export function renderColumns(wording: LetterWording, name: LetterTemplateName, data: LetterTemplateData, count: number): string[] {
  const headings = run(wording, name, data)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (headings.length !== count) {
    throw new TemplateError("template/columns", `${name}.hbs gives ${headings.length} column headings; the table has ${count} columns`, {
      file: displayFile(wording, name),
    });
  }
  return headings;
}
