import type { Recipients, Signer } from "../model/schema.ts";
import { SIGNATURE_START } from "./articles.ts";
import type { ImportContext, Parsed } from "./context.ts";

const RECIPIENTS_LABEL = /^Nơi nhận\s*:?\s*(.*)$/su;

export interface Closing {
  signer: Signer | undefined;
  recipients: Recipients | undefined;
}

function parseRecipients(text: string): Recipients | undefined {
  const m = RECIPIENTS_LABEL.exec(text);
  if (!m) return undefined;
  const lines = m[1]!
    .split("\n")
    .map((l) => l.replace(/^[-–]\s*/, "").trim())
    .filter((l) => l !== "");
  const archiveIndex = lines.findIndex((l) => /^Lưu\b/u.test(l));
  const archive = archiveIndex >= 0 ? lines.splice(archiveIndex, 1)[0]! : "Lưu: VT.";
  return { origin: "source", items: lines, archive };
}

/** Signature block (capacity, titles, name) and Nơi nhận, in either order, up to the appendix. */
export function parseClosing(ctx: ImportContext, start: number): Parsed<Closing> {
  let signer: Signer | undefined;
  let recipients: Recipients | undefined;
  let i = start;
  for (; i < ctx.blocks.length && !signer; i++) {
    const block = ctx.blocks[i]!;
    if (block.text === "") continue;
    if (/^PHỤ LỤC\b/iu.test(block.text)) break;
    recipients ??= parseRecipients(block.text);
    const m = SIGNATURE_START.exec(block.text);
    if (!m) continue;
    const [capacityLine, ...titles] = block.lines.map((l) => l.text);
    let nameIndex = i + 1;
    while (nameIndex < ctx.blocks.length && ctx.blocks[nameIndex]!.text === "") nameIndex++;
    const nameBlock = ctx.blocks[nameIndex];
    if (titles.length === 0 || !nameBlock) break;
    signer = { lines: [capacityLine!, ...titles], name: nameBlock.text };
    i = nameIndex;
  }
  if (!signer) ctx.reportAtBlock("import/signer", {}, ctx.blocks[start]);
  // Nơi nhận may also follow the signature in a flattened scrape.
  for (let j = i; !recipients && j < ctx.blocks.length && !/^PHỤ LỤC\b/iu.test(ctx.blocks[j]!.text); j++) {
    recipients = parseRecipients(ctx.blocks[j]!.text);
    if (recipients) i = j + 1;
  }
  return { value: { signer, recipients }, next: i };
}
