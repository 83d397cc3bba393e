/** What a file says about itself (DOCX core properties, PDF Info): which document, which rule set laid it out. */
import type { ProfileLayout } from "../layout/profiles.ts";
import { issuerName } from "../letters/letter-text.ts";
import type { Decision, Letters } from "../model/schema.ts";
import { numberLine } from "./header-grid.ts";
import type { DocumentMetadata } from "./nodes.ts";

/** "QUYẾT ĐỊNH" → "Quyết định": a file title reads in sentence case. */
const sentenceCase = (text: string): string => {
  const lower = text.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
};

/** The number as the header prints it after "Số:" ("503/QĐ-UBND"; "…/UBND-NC" while it is left blank). */
const printedNumber = (number: string, symbol: string): string => numberLine(number, symbol).replace(/^Số:\s*/, "").replace(/^\s*\//, "…/");

export function decisionMetadata(decision: Decision, layout: ProfileLayout): DocumentMetadata {
  const { document: doc } = decision;
  return {
    title: `${sentenceCase(doc.type)} ${printedNumber(doc.number, doc.symbol)}`,
    subject: decision.subject,
    author: issuerName(decision),
    // the checker reads the profile back from the keywords
    keywords: [layout.id, doc.symbol, decision.issuer.code].join("; "),
    description: `Layout: ${layout.ruleSet} (profile ${layout.id})`,
    date: doc.date,
    language: "vi-VN",
  };
}

export function letterMetadata(decision: Decision, letters: Letters, number: string, agency: { id: string; addressee: string }, layout: ProfileLayout): DocumentMetadata {
  return {
    title: `V/v ${letters.subject} – ${agency.addressee}`,
    subject: `Công văn số ${printedNumber(number, letters.symbol)} gửi ${agency.addressee}`,
    author: issuerName(decision),
    keywords: [layout.id, "công văn", decision.document.symbol, agency.id].join("; "),
    description: `Layout: ${layout.ruleSet} (profile ${layout.id})`,
    date: letters.date,
    language: "vi-VN",
  };
}
