/**
 * A document issued with the decision (ND30 "văn bản ban hành kèm theo"): its type in capitals, its title,
 * the "(Ban hành kèm theo Quyết định số …)" line, its sections and paragraphs, and its signature when it
 * is signed at its end.
 */
import type { Attachment } from "../model/schema.ts";
import { recognizeContent } from "./articles.ts";
import { ATTACHED_REFERENCE, isClosingTable, RECIPIENTS_LABEL, startsSignature } from "./boundaries.ts";
import { recognizeClosing } from "./closing.ts";
import type { RecognizeContext, Recognized } from "./context.ts";
import { continuesReference, oneLine } from "./source-lines.ts";
import { typeOf } from "./title-block.ts";

/** Whether the body stopped at a signature of its own (not at an appendix or another document). */
function atSignature(ctx: RecognizeContext, index: number): boolean {
  const block = ctx.items[index]?.block;
  if (!block) return false;
  if (block.kind === "table") return isClosingTable(block);
  const first = block.text.split(/[\t\n]|[ \u00a0]{3,}/).map((s) => s.trim()).find((s) => s !== "") ?? "";
  return startsSignature(first) || RECIPIENTS_LABEL.test(first);
}

export function recognizeAttachment(ctx: RecognizeContext, start: number, index: number): Recognized<Attachment | undefined> {
  const typeItem = ctx.items[start]!;
  const path = ["attachments", index];
  ctx.mark([...path, "type"], { position: typeItem.block.position, section: typeItem.section });
  const type = typeItem.block.kind === "paragraph" ? typeOf(typeItem.block) : "";
  const titleLines: string[] = [];
  const referenceLines: string[] = [];
  let i = start + 1;
  for (; i < ctx.items.length; i++) {
    const { block, section } = ctx.items[i]!;
    if (block.kind !== "paragraph") break;
    const text = oneLine(block);
    if (text === "") continue;
    const at = { position: block.position, section };
    if (referenceLines.length === 0 && ATTACHED_REFERENCE.test(text)) {
      ctx.mark([...path, "reference"], at);
      referenceLines.push(text);
    } else if (referenceLines.length === 0) {
      if (titleLines.length === 0) ctx.mark([...path, "title"], at);
      titleLines.push(text);
    } else if (continuesReference(referenceLines)) referenceLines.push(text);
    else break;
  }
  const content = recognizeContent(ctx, i, [...path, "content"]);
  i = content.next;
  const closing = atSignature(ctx, i) ? recognizeClosing(ctx, i, [...path, "signer"]) : undefined;
  if (closing) i = closing.next;
  if (content.value.length === 0) {
    ctx.report("recognize/attachment-empty", { type }, ctx.locate(start));
    return { value: undefined, next: i };
  }
  const attachment: Attachment = { type, title: titleLines.join(" "), reference: referenceLines.join(" "), content: content.value };
  if (closing?.value.signer) attachment.signer = closing.value.signer;
  return { value: attachment, next: i };
}
