import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { isAllCaps } from "../model/text.ts";
import type { Rule } from "./context.ts";

/** HDR-NUMBER (leading zero, no spaces in the ký hiệu) and TITLE-SUBJECT (sentence case). */
export const checkDocumentHeader: Rule = (decision) => {
  const out: Diagnostic[] = [];
  const { number, symbol, typeCode } = decision.document;
  if (/^\d$/.test(number)) out.push(diagnose("model/number-format", { number }, { path: ["document", "number"] }));
  if (/\s/.test(symbol)) out.push(diagnose("model/symbol-format", { symbol, reason: "has spaces" }, { path: ["document", "symbol"] }));
  else if (!symbol.startsWith(`${typeCode}-`)) {
    out.push(diagnose("model/symbol-format", { symbol, reason: `does not start with the type code "${typeCode}-"` }, { path: ["document", "symbol"] }));
  }
  if (isAllCaps(decision.subject)) out.push(diagnose("model/subject-caps", { text: decision.subject }, { path: ["subject"] }));
  return out;
};
