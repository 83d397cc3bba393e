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

export function editorialLetters(decision: Pick<Decision, "issuer" | "document" | "signer">, appendixTitle: string): Letters {
  return {
    origin: "editorial",
    number: "",
    symbol: `${decision.issuer.code}-NC`,
    date: decision.document.date,
    subject: sentenceCase(appendixTitle),
    signer: decision.signer,
    archive: "Lưu: VT, NC.",
    copies: ["CT, các PCT UBND tỉnh;", "Sở Nội vụ (theo dõi);"],
    // Sở Nội vụ follows the plan up (QĐ 503, Điều 1 part IV.3 in the seed)
    reportVia: "so-noi-vu",
  };
}
