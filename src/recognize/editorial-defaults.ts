import type { Decision, Letters, Recipients } from "../model/schema.ts";
import { sentenceCase } from "./sentence-case.ts";

/**
 * What the importer adds when the source lacks it. Marked `origin: editorial` in the model and reported,
 * so that nobody mistakes it for official wording.
 */
export function editorialRecipients(): Recipients {
  return {
    origin: "editorial",
    items: ["Như Điều 3;", "TT Tỉnh ủy, TT HĐND tỉnh;", "CT, các PCT UBND tỉnh;", "CPVP;"],
    archive: "Lưu: VT, NC.",
  };
}

/** The agency editorial letters send reports through, by name: Sở Nội vụ follows administrative-reform plans up. */
export const EDITORIAL_FOLLOW_UP = "Sở Nội vụ";

/**
 * `followUp`: the id the directory in use gives EDITORIAL_FOLLOW_UP (QĐ 503, Điều 1 part IV.3 in the seed),
 * if it lists that agency; without it the letters name no agency for reports, rather than an id the model's
 * directory does not know.
 */
export function editorialLetters(decision: Pick<Decision, "issuer" | "document" | "signer">, appendixTitle: string, followUp?: string): Letters {
  return {
    origin: "editorial",
    number: "",
    symbol: `${decision.issuer.code}-NC`,
    date: decision.document.date,
    subject: sentenceCase(appendixTitle),
    signer: decision.signer,
    archive: "Lưu: VT, NC.",
    copies: ["CT, các PCT UBND tỉnh;", ...(followUp ? [`${EDITORIAL_FOLLOW_UP} (theo dõi);`] : [])],
    ...(followUp ? { reportVia: followUp } : {}),
  };
}
