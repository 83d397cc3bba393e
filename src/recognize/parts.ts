/**
 * One recognition of a source document, in reading order: header grid → title block (or a công văn's
 * "V/v" and Kính gửi) → căn cứ → "QUYẾT ĐỊNH:" → body → closing → appendices and attached documents. It
 * gives both what each part says (for the model) and where each part is (the parts map, for the layout
 * check). `strict` stops where no model can be built, as `vanban import` does; the check reads on.
 */
import type { Appendix, Attachment } from "../model/schema.ts";
import type { SourceDocument, SourceParagraph } from "../read/source-document.ts";
import { recognizeAppendix, startsAppendix } from "./appendix.ts";
import { recognizeAttachment } from "./attachment.ts";
import { recognizeBody, type Body } from "./body.ts";
import { ATTACHED_REFERENCE, isAppendixHeading, isHeaderTable, startsAttachment } from "./boundaries.ts";
import { recognizeClosing, type Closing } from "./closing.ts";
import { RecognizeContext } from "./context.ts";
import { recognizeHeader, SUBJECT_LINE, type Header } from "./header-grid.ts";
import type { AppendixParts, BlockRef, DocumentKind, DocumentPartsMap, LineRef } from "./parts-map.ts";
import { ARTICLE, DECIDES, LEGAL_BASIS, PROPOSAL, recognizePreamble, type Preamble } from "./preamble.ts";
import { splitRunOnLines } from "./run-on-lines.ts";
import { itemsOf, oneLine } from "./source-lines.ts";
import { recognizeTitle, type TitleBlock } from "./title-block.ts";

const ADDRESSEES = /^Kính\s+gửi(?![\p{L}\p{N}])/iu;
const LIST_ITEM = /^[-–+•]/u;
/** "Phần I", "Chương II", "Phần thứ nhất" */
const PART_HEADING = /^(Phần|Chương)\s+(thứ\s+\S+|[IVXLC]+)(?![\p{L}\p{N}])/iu;
const PART_HEADING_MAX = 40;
/** Lines a công văn's "V/v …" wraps onto, as paragraphs of their own under it. */
const SUBJECT_LINE_WRAPS = 3;

export interface Recognition {
  ctx: RecognizeContext;
  parts: DocumentPartsMap;
  header?: Header;
  title?: TitleBlock;
  preamble?: Preamble;
  body?: Body;
  /** the item where the body ends and the closing starts */
  bodyEnd: number;
  closing?: Closing;
  appendices: Appendix[];
  attachments: Attachment[];
}

const refAt = (ctx: RecognizeContext, index: number): BlockRef => ({ position: ctx.items[index]!.block.position, section: ctx.items[index]!.section });

/** The top-level paragraphs of items [from, to) with their index, blank ones left out. */
function paragraphsIn(ctx: RecognizeContext, from: number, to: number): { index: number; paragraph: SourceParagraph; text: string }[] {
  return ctx.items.slice(from, to).flatMap(({ block }, k) => (block.kind === "paragraph" && oneLine(block) !== "" ? [{ index: from + k, paragraph: block, text: oneLine(block) }] : []));
}

/** The next item at or after `from` that is not a blank paragraph. */
function nextFilled(ctx: RecognizeContext, from: number): number {
  let i = from;
  while (i < ctx.items.length && ctx.items[i]!.block.kind === "paragraph" && oneLine(ctx.items[i]!.block as SourceParagraph) === "") i++;
  return i;
}

/** A công văn's "V/v …" written as paragraphs under the header, with the paragraphs it wraps onto. */
function subjectLineParagraphs(ctx: RecognizeContext, from: number): { lines: LineRef[]; next: number } {
  const first = nextFilled(ctx, from);
  const block = ctx.items[first]?.block;
  if (block?.kind !== "paragraph" || !SUBJECT_LINE.test(oneLine(block))) return { lines: [], next: from };
  const lines: LineRef[] = [{ ...refAt(ctx, first), text: oneLine(block) }];
  let i = first + 1;
  for (; i < ctx.items.length && lines.length <= SUBJECT_LINE_WRAPS; i++) {
    const next = ctx.items[i]!.block;
    if (next.kind !== "paragraph" || oneLine(next) === "" || next.alignment !== block.alignment || ADDRESSEES.test(oneLine(next))) break;
    lines.push({ ...refAt(ctx, i), text: oneLine(next) });
  }
  return { lines, next: i };
}

/** "Kính gửi: …" and the addressees listed under it ("- Sở Nội vụ;"). */
function addresseeParagraphs(ctx: RecognizeContext, from: number): { blocks: BlockRef[]; next: number } {
  const first = nextFilled(ctx, from);
  const block = ctx.items[first]?.block;
  if (block?.kind !== "paragraph" || !ADDRESSEES.test(oneLine(block))) return { blocks: [], next: from };
  const blocks = [refAt(ctx, first)];
  let i = first + 1;
  for (; i < ctx.items.length; i++) {
    const next = ctx.items[i]!.block;
    if (next.kind !== "paragraph" || !LIST_ITEM.test(oneLine(next))) break;
    blocks.push(refAt(ctx, i));
  }
  return { blocks, next: i };
}

/** Where an appendix's parts stand among items [start, end): its title, its "(Kèm theo …)" line, its table. */
function appendixParts(ctx: RecognizeContext, start: number, end: number): AppendixParts {
  const heading = ctx.items[start]!.block;
  const parts: AppendixParts = { kind: heading.kind === "paragraph" && isAppendixHeading(oneLine(heading).split(/\s*[:.–-]\s/u)[0]!) ? "appendix" : "list", heading: refAt(ctx, start) };
  const table = ctx.items.slice(start + 1, end).findIndex(({ block }) => block.kind === "table");
  const tableAt = table < 0 ? end : start + 1 + table;
  if (table >= 0) parts.table = refAt(ctx, tableAt);
  const lead = paragraphsIn(ctx, start + 1, tableAt);
  const title = lead.find((p) => !ATTACHED_REFERENCE.test(p.text));
  const reference = lead.find((p) => ATTACHED_REFERENCE.test(p.text));
  if (title && (!reference || title.index < reference.index)) parts.title = refAt(ctx, title.index);
  if (reference) parts.reference = refAt(ctx, reference.index);
  return parts;
}

/** Appendices and attached documents after the closing; the rest (a site's notices) is counted, not read. */
function recognizeTrailing(ctx: RecognizeContext, start: number, planYear: string, parts: DocumentPartsMap): { appendices: Appendix[]; attachments: Attachment[] } {
  const appendices: Appendix[] = [];
  const attachments: Attachment[] = [];
  const unread: number[] = [];
  for (let i = start; i < ctx.items.length; ) {
    const { block } = ctx.items[i]!;
    if (startsAppendix(ctx, i)) {
      const appendix = recognizeAppendix(ctx, i, appendices.length, planYear);
      appendices.push(...appendix.value);
      const next = Math.max(appendix.next, i + 1);
      parts.appendices.push(appendixParts(ctx, i, next));
      i = next;
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

/** The running text between the title block and the closing, and what stands apart in it. */
function bodyParts(ctx: RecognizeContext, parts: DocumentPartsMap, from: number, preambleEnd: number, bodyEnd: number): void {
  const preamble = paragraphsIn(ctx, from, preambleEnd);
  const decides = preamble.find((p) => DECIDES.test(p.text));
  if (decides) {
    parts.decides = refAt(ctx, decides.index);
    parts.bases = preamble.filter((p) => p.index < decides.index && (LEGAL_BASIS.test(p.text) || PROPOSAL.test(p.text))).map((p) => refAt(ctx, p.index));
  }
  const running = paragraphsIn(ctx, from, bodyEnd).filter((p) => p.index !== decides?.index);
  const headings = new Set<number>();
  running.forEach((p, k) => {
    if (!PART_HEADING.test(p.text) || p.text.length > PART_HEADING_MAX) return;
    headings.add(p.index);
    const next = running[k + 1];
    const titled = next && next.text === next.text.toLocaleUpperCase("vi") && !ARTICLE.test(next.text);
    if (titled) headings.add(next.index);
    parts.partHeadings.push({ heading: refAt(ctx, p.index), ...(titled ? { title: refAt(ctx, next.index) } : {}) });
  });
  // a paragraph split into the lines a crawler ran together is still one paragraph of the file
  const seen = new Set<string>();
  for (const p of running) {
    const key = JSON.stringify(p.paragraph.position);
    if (headings.has(p.index) || seen.has(key)) continue;
    seen.add(key);
    parts.body.push(refAt(ctx, p.index));
    if (ARTICLE.test(p.text)) parts.articles.push(refAt(ctx, p.index));
  }
}

function kindOf(typeName: string | undefined, parts: DocumentPartsMap): DocumentKind {
  if (typeName === "QUYẾT ĐỊNH") return "decision";
  if (typeName !== undefined) return "other";
  return (parts.header?.subjectLine.length ?? 0) > 0 ? "letter" : "unknown";
}

export function recognizeStructure(source: SourceDocument, options: { file?: string; strict?: boolean } = {}): Recognition {
  const items = itemsOf(source);
  const lines = splitRunOnLines(items);
  const ctx = new RecognizeContext(lines, options.file, source.sections.length);
  const split = lines.findIndex((item, i) => item.block !== items[i]?.block);
  if (split >= 0) ctx.report("recognize/run-on-lines", { count: lines.length - items.length }, ctx.locate(split));
  const parts: DocumentPartsMap = { kind: "unknown", addressees: [], bases: [], body: [], articles: [], partHeadings: [], appendices: [] };
  const result: Recognition = { ctx, parts, bodyEnd: 0, appendices: [], attachments: [] };
  const strict = options.strict ?? false;

  const header = recognizeHeader(ctx);
  parts.header = header.parts;
  if (header.value) result.header = header.value;
  else if (strict) return result;
  const title = recognizeTitle(ctx, header.next);
  let start = title.next;
  if (title.value) {
    result.title = title.value;
    parts.title = title.value.parts;
    parts.typeName = title.value.type;
    // a trích yếu written "V/v …" under a type line: a V/v line, which TITLE-VV says belongs to a công văn only
    const firstSubject = title.value.parts.subject[0];
    if (firstSubject && SUBJECT_LINE.test(title.value.subject)) parts.header.subjectLine.push({ ...firstSubject, text: title.value.subject });
  } else if (strict) return result;
  else {
    const vv = subjectLineParagraphs(ctx, header.next);
    parts.header.subjectLine.push(...vv.lines);
    start = Math.max(vv.next, header.next);
  }
  parts.kind = kindOf(parts.typeName, parts);
  const addressees = addresseeParagraphs(ctx, start);
  parts.addressees = addressees.blocks;
  // the model has no Kính gửi: what a model is built from keeps it in the text, never dropped
  if (!strict) start = addressees.next;

  const preamble = recognizePreamble(ctx, start);
  const body = recognizeBody(ctx, preamble.next, preamble.value, title.value?.type ?? "");
  Object.assign(result, { preamble: preamble.value, body: body.value, bodyEnd: body.next });
  bodyParts(ctx, parts, start, preamble.next, body.next);

  const closing = recognizeClosing(ctx, body.next);
  result.closing = closing.value;
  parts.closing = closing.value.parts;
  if (strict && !closing.value.signer) return result;
  const date = header.value?.date ?? "";
  const planYear = /năm (\d{4})/iu.exec(title.value?.subject ?? "")?.[1] ?? date.slice(0, 4);
  Object.assign(result, recognizeTrailing(ctx, closing.next, planYear, parts));
  return result;
}
