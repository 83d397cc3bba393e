/**
 * Any source document (DOCX, HTML, a text or markdown scrape: src/read) → the model. Each part has its
 * recognizer; this module runs them in reading order and assembles the model. What the source lacks but
 * the model needs (the Nơi nhận, the letters' settings) is added as editorial, and said so by validation.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose, type Place } from "../diagnostics/rules.ts";
import { decisionSchema, SCHEMA_VERSION, type Appendix, type Attachment, type Decision } from "../model/schema.ts";
import type { SourceDocument } from "../read/source-document.ts";
import { recognizeAppendix, startsAppendix } from "./appendix.ts";
import { recognizeAttachment } from "./attachment.ts";
import { recognizeBody } from "./body.ts";
import { isHeaderTable, startsAttachment } from "./boundaries.ts";
import { recognizeClosing } from "./closing.ts";
import { RecognizeContext } from "./context.ts";
import { editorialLetters, editorialRecipients } from "./editorial-defaults.ts";
import { recognizeHeader } from "./header-grid.ts";
import { recognizePreamble } from "./preamble.ts";
import { splitRunOnLines } from "./run-on-lines.ts";
import { itemsOf, oneLine } from "./source-lines.ts";
import { recognizeTitle } from "./title-block.ts";

export interface RecognizeResult {
  decision?: Decision;
  diagnostics: Diagnostic[];
  /** model path ("articles.2") → where it was read, to place the validation's diagnostics */
  places: Map<string, Place>;
}

/** Appendices and attached documents after the closing; the rest (a site's notices) is counted, not read. */
function recognizeTrailing(ctx: RecognizeContext, start: number, planYear: string): { appendices: Appendix[]; attachments: Attachment[] } {
  const appendices: Appendix[] = [];
  const attachments: Attachment[] = [];
  const unread: number[] = [];
  for (let i = start; i < ctx.items.length; ) {
    const { block } = ctx.items[i]!;
    if (startsAppendix(ctx, i)) {
      const appendix = recognizeAppendix(ctx, i, appendices.length, planYear);
      appendices.push(...appendix.value);
      i = Math.max(appendix.next, i + 1);
    } else if (startsAttachment(ctx, i)) {
      const attachment = recognizeAttachment(ctx, i, attachments.length);
      if (attachment.value) attachments.push(attachment.value);
      i = Math.max(attachment.next, i + 1);
    } else {
      // an attached document's own header grid stands before its title
      if (!(block.kind === "table" && isHeaderTable(block)) && (block.kind === "table" || oneLine(block) !== "")) unread.push(i);
      i++;
    }
  }
  if (unread.length > 0) {
    const first = ctx.items[unread[0]!]!.block;
    const text = first.kind === "paragraph" ? oneLine(first).slice(0, 60) : "a table";
    ctx.report("recognize/unread", { count: unread.length, first: text }, ctx.locate(unread[0]!));
  }
  return { appendices, attachments };
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

export function recognizeDocument(source: SourceDocument, options: { file?: string } = {}): RecognizeResult {
  const items = itemsOf(source);
  const lines = splitRunOnLines(items);
  const ctx = new RecognizeContext(lines, options.file, source.sections.length);
  const split = lines.findIndex((item, i) => item.block !== items[i]?.block);
  if (split >= 0) ctx.report("recognize/run-on-lines", { count: lines.length - items.length }, ctx.locate(split));
  const done = (decision?: Decision): RecognizeResult => ({ ...(decision ? { decision } : {}), diagnostics: ctx.diagnostics, places: ctx.places });
  const header = recognizeHeader(ctx);
  if (!header.value) return done();
  const title = recognizeTitle(ctx, header.next);
  if (!title.value) return done();
  const preamble = recognizePreamble(ctx, title.next);
  const body = recognizeBody(ctx, preamble.next, preamble.value, title.value.type);
  const bodyEnd = body.next;
  const closing = recognizeClosing(ctx, bodyEnd);
  const signer = closing.value.signer;
  if (!signer) {
    if (!closing.value.unnamed) ctx.report("recognize/signer", {}, ctx.locate(bodyEnd));
    return done();
  }
  const { issuer, number, symbol, typeCode, date } = header.value;
  const planYear = /năm (\d{4})/iu.exec(title.value.subject)?.[1] ?? date.slice(0, 4);
  const { appendices, attachments } = recognizeTrailing(ctx, closing.next, planYear);
  if (!closing.value.recipients) ctx.places.set("recipients", ctx.placeOf(ctx.locate(bodyEnd)!));
  const draft = {
    schemaVersion: SCHEMA_VERSION,
    profile: "nd30" as const,
    issuer,
    document: { type: title.value.type, typeCode, number, symbol, date },
    subject: title.value.subject,
    authority: title.value.authority,
    legalBases: preamble.value.legalBases,
    proposal: preamble.value.proposal,
    decides: preamble.value.decides,
    preamble: preamble.value.preamble,
    articles: body.value.articles,
    content: body.value.content,
    attachments,
    signer,
    recipients: closing.value.recipients ?? editorialRecipients(),
  };
  const tasks = appendices.find((appendix) => appendix.columns.some((column) => column.role === "lead"));
  if (source.footnotes.length > 0) ctx.report("recognize/footnotes", { count: source.footnotes.length }, ctx.locate(0));
  const draftModel = { ...draft, appendices, ...(tasks ? { letters: editorialLetters(draft, tasks.title) } : {}) };
  const model = normalized(draftModel);
  if (JSON.stringify(model) !== JSON.stringify(draftModel)) ctx.report("recognize/normalised", {}, ctx.locate(0));
  const parsed = decisionSchema.safeParse(model);
  if (!parsed.success) {
    reportSchemaIssues(ctx, parsed.error.issues);
    return done();
  }
  return done(parsed.data);
}
