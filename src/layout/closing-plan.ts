/**
 * The signature block (spec §5) and the recipients list (spec §6) as lines, format-neutral:
 * the DOCX decision and the PDF letters lay them out side by side from this plan.
 */
import type { Recipients, Signer } from "../model/schema.ts";

export interface SignaturePlan {
  /** caps bold lines: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH" (SIGN-TITLE) */
  titleLines: string[];
  /** bold, under the space left for the signature (SIGN-NAME) */
  name: string;
}

export interface RecipientsPlan {
  /** "Nơi nhận:" 12 pt bold italic (RECIP-LABEL) */
  label: string;
  /** "- …;" lines, 11 pt, the archive line last (RECIP-ITEMS) */
  items: string[];
}

export const RECIPIENTS_LABEL = "Nơi nhận:";
/** công văn: the addressees are named in "Kính gửi", so Nơi nhận starts with this (RECIP-KG) */
export const AS_ABOVE = "Như trên;";

export function planSignature(signer: Signer): SignaturePlan {
  const first = [signer.prefix, signer.capacity].filter(Boolean).join(" ");
  return { titleLines: [first, ...signer.titles].filter(Boolean), name: signer.name };
}

export function planRecipients(recipients: Pick<Recipients, "items" | "archive">): RecipientsPlan {
  return { label: RECIPIENTS_LABEL, items: [...recipients.items, recipients.archive].map((item) => `- ${item}`) };
}
