/**
 * Any source document (DOCX, HTML, a text or markdown scrape: src/read) → the model. The recognition
 * (parts.ts) runs each part's recognizer in reading order; this module assembles the model from it. What
 * the source lacks but the model needs (the Nơi nhận, the letters' settings) is added as editorial, and
 * said so by validation.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/rules.ts";
import { decisionSchema, SCHEMA_VERSION, type Decision } from "../model/schema.ts";
import type { SourceDocument } from "../read/source-document.ts";
import type { RecognizeContext } from "./context.ts";
import { editorialLetters, editorialRecipients } from "./editorial-defaults.ts";
import { reportLabelledTasks } from "./labelled-tasks.ts";
import { recognizeStructure } from "./parts.ts";
import { isWorkbook, recognizeWorkbook } from "./workbook.ts";

export interface RecognizeResult {
  decision?: Decision;
  diagnostics: Diagnostic[];
  /** model path ("articles.2") → where it was read, to place the validation's diagnostics */
  places: Map<string, Place>;
}

/** Every string NFC, as the model requires (STYLE.md: normalise at import). */
function normalized<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(normalized) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize("NFC"), normalized(v)])) as T;
  return value;
}

/** What the schema refuses in the assembled model, at the place its value was read (else the document's start). */
function reportSchemaIssues(ctx: RecognizeContext, issues: readonly { path: readonly PropertyKey[]; message: string }[]): void {
  for (const issue of issues) {
    const key = issue.path.map(String);
    let place: Place | undefined;
    for (let n = key.length; n >= 0 && !place; n--) place = ctx.places.get(key.slice(0, n).join("."));
    const start = ctx.locate(0);
    ctx.diagnostics.push(diagnose("recognize/model", { path: key.join(".") || "(top)", reason: issue.message }, place ?? (start ? ctx.placeOf(start) : {})));
  }
}

export interface RecognizeOptions {
  file?: string;
  /** the directory's id for the agency editorial letters send reports through (editorial-defaults.ts), if it lists one */
  followUp?: string | undefined;
}

export function recognizeDocument(source: SourceDocument, options: RecognizeOptions = {}): RecognizeResult {
  if (isWorkbook(source)) return recognizeWorkbook(source, options);
  const { ctx, header, title, preamble, body, bodyEnd, closing, appendices, attachments } = recognizeStructure(source, { ...options, strict: true });
  const done = (decision?: Decision): RecognizeResult => ({ ...(decision ? { decision } : {}), diagnostics: ctx.diagnostics, places: ctx.places });
  if (!header || !title || !preamble || !body || !closing) return done();
  const signer = closing.signer;
  if (!signer) {
    if (!closing.unnamed) ctx.report("recognize/signer", {}, ctx.locate(bodyEnd));
    return done();
  }
  const { issuer, number, symbol, typeCode, date } = header;
  if (!closing.recipients) ctx.places.set("recipients", ctx.placeOf(ctx.locate(bodyEnd)!));
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    profile: "nd30" as const,
    issuer,
    document: { type: title.type, typeCode, number, symbol, date },
    subject: title.subject,
    authority: title.authority,
    legalBases: preamble.legalBases,
    proposal: preamble.proposal,
    decides: preamble.decides,
    preamble: preamble.preamble,
    articles: body.articles,
    content: body.content,
    attachments,
    signer,
    recipients: closing.recipients ?? editorialRecipients(),
  };
  const tasks = appendices.find((appendix) => appendix.columns.some((column) => column.role === "lead"));
  if (source.footnotes.length > 0) ctx.report("recognize/footnotes", { count: source.footnotes.length }, ctx.locate(0));
  reportLabelledTasks(ctx);
  const draftModel = { ...draft, appendices, ...(tasks ? { letters: editorialLetters(draft, tasks.title, options.followUp) } : {}) };
  const model = normalized(draftModel);
  if (JSON.stringify(model) !== JSON.stringify(draftModel)) ctx.report("recognize/normalised", {}, ctx.locate(0));
  const parsed = decisionSchema.safeParse(model);
  if (!parsed.success) {
    reportSchemaIssues(ctx, parsed.error.issues);
    return done();
  }
  return done(parsed.data);
}
