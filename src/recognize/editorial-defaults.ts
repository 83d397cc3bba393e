import type { Decision, Letters, Recipients } from "../model/schema.ts";

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

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

export function editorialLetters(decision: Pick<Decision, "issuer" | "document" | "signer">, appendixTitle: string): Letters {
  return {
    origin: "editorial",
    number: "",
    symbol: `${decision.issuer.code}-NC`,
    date: decision.document.date,
    subject: sentenceCase(appendixTitle).replace(/^\p{Ll}/u, (c) => c),
    signer: decision.signer,
    archive: "Lưu: VT, NC.",
    copies: ["CT, các PCT UBND tỉnh;", "Sở Nội vụ (theo dõi);"],
    // Sở Nội vụ follows the plan up (QĐ 503, Điều 1 part IV.3 in the seed)
    reportVia: "so-noi-vu",
  };
}
