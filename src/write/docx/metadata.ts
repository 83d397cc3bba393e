/** Core properties (docProps/core.xml): what the file is and which rule set laid it out. Dates are pinned by pinZip. */
import type { HeaderPlan } from "../../layout/header-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import type { Decision } from "../../model/schema.ts";

interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  lastModifiedBy: string;
  keywords: string;
  description: string;
  revision: number;
}

/** "QUYẾT ĐỊNH" → "Quyết định": a file title reads in sentence case. */
const sentenceCase = (text: string): string => {
  const lower = text.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
};

export function coreProperties(decision: Decision, plan: HeaderPlan, layout: ProfileLayout, toolName: string): CoreProperties {
  // The number as the header prints it after "Số:" (HDR-NUMBER zero padding included): "503/QĐ-UBND".
  const number = plan.numberLine.replace(/^Số:\s*/, "");
  return {
    title: `${sentenceCase(decision.document.type)} ${number}`,
    subject: decision.subject,
    creator: toolName,
    lastModifiedBy: toolName,
    keywords: [layout.id, decision.document.symbol, decision.issuer.code].join("; "),
    description: `Layout: ${layout.ruleSet} (profile ${layout.id})`,
    revision: 1,
  };
}
