/**
 * The sentences of one công văn, format-neutral: the template data built from the model, and the paragraphs and
 * column headings the templates give for it. The PDF writer (and any later DOCX letter) lays these out.
 */
import { letterNumber, type AgencyAssignment, type ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { Decision, Letters } from "../model/schema.ts";
import { isAllCaps } from "../model/text.ts";
import { renderColumns, renderParagraph, type LetterTemplateData, type LetterWording } from "./templates.ts";

/** The task tables have six columns: ref, content, product, the other agencies, deadline as written, due date. */
export const TASK_COLUMNS = 6;

export interface LetterText {
  /** the letter's own number: the văn thư's per-agency or register number, else the shared one (may be empty) */
  number: string;
  opening: string;
  /** empty when the agency leads no task (the table is left out too) */
  leadIntro: string;
  supportIntro: string;
  /** ends with "./." (BODY-END) */
  closing: string;
  leadColumns: string[];
  supportColumns: string[];
}

export function requireLetters(decision: Decision): Letters {
  if (!decision.letters) throw new Error("the model has no `letters` settings (number, symbol, date, subject, signer)");
  return decision.letters;
}

const lower = (text: string) => text.toLocaleLowerCase("vi");
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

/**
 * "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" → "Ủy ban nhân dân tỉnh Quảng Nam": text in capitals is case-folded and
 * the proper nouns the model writes in mixed case (the place name) are put back. Mixed-case text is kept.
 */
function sentenceCase(text: string, properNouns: readonly string[]): string {
  if (!isAllCaps(text)) return text;
  let out = lower(text);
  for (const noun of properNouns) out = out.split(lower(noun)).join(noun);
  return upperFirst(out);
}

/** A trích yếu that says what the document does ("Ban hành …", "Phê duyệt …") reads on after the issuer's name. */
const ACTION = /^(ban hành|phê duyệt|thành lập|kiện toàn|công bố|quy định|giao|bãi bỏ|sửa đổi|hợp nhất)\s/u;

/**
 * The trích yếu inside a sentence: "ban hành Kế hoạch cải cách hành chính năm 2013"; one that names a topic
 * (a Kế hoạch's "Cải cách hành chính năm 2013") reads "về cải cách hành chính năm 2013".
 */
function subjectInSentence(subject: string, place: string): string {
  const folded = sentenceCase(subject, [place]);
  const text = folded.charAt(0).toLocaleLowerCase("vi") + folded.slice(1);
  if (!ACTION.test(text)) return `về ${text}`;
  const issuing = /^ban hành\s+/u.exec(text);
  // What is issued is a document name ("Kế hoạch …"), which starts with a capital.
  return issuing ? issuing[0] + upperFirst(text.slice(issuing[0].length)) : text;
}

export function issuerName(decision: Decision): string {
  return sentenceCase(decision.issuer.lines.join(" "), [decision.issuer.place]);
}

function letterTemplateData(resolved: ResolvedDecision, assignment: AgencyAssignment, number: string): LetterTemplateData {
  const { decision, agencies } = resolved;
  const letters = requireLetters(decision);
  const { issuer, document } = decision;
  const name = issuerName(decision);
  const placeSuffix = ` ${issuer.place}`;
  const hasLead = assignment.lead.length > 0;
  const hasSupport = assignment.support.length > 0;
  return {
    decision: {
      type: sentenceCase(document.type, []),
      number: document.number,
      symbol: document.symbol,
      date: document.date,
      subject: decision.subject,
      subjectSentence: subjectInSentence(decision.subject, issuer.place),
      planYear: String(resolved.planYear),
    },
    issuer: {
      name,
      // how the issuer refers to itself: "Ủy ban nhân dân tỉnh"
      shortName: name.endsWith(placeSuffix) ? name.slice(0, -placeSuffix.length) : name,
      code: issuer.code,
      place: issuer.place,
    },
    agency: { name: assignment.agency.name, short: assignment.agency.short, addressee: assignment.agency.addressee },
    // "(qua Sở Nội vụ)": not in the letter to Sở Nội vụ itself
    report: { via: letters.reportVia && letters.reportVia !== assignment.agency.id ? (agencies.get(letters.reportVia)?.name ?? "") : "" },
    letter: { number, symbol: letters.symbol, date: letters.date, subject: letters.subject },
    // The two parts are numbered only when both are present.
    lead: { count: assignment.lead.length, label: hasLead && hasSupport ? "1." : "" },
    support: { count: assignment.support.length, label: hasLead && hasSupport ? "2." : "" },
  };
}

/** BODY-END: the body ends with "./.". */
function endBody(text: string): string {
  if (text.endsWith("./.")) return text;
  return text.endsWith(".") ? `${text}/.` : `${text}./.`;
}

export function composeLetterText(resolved: ResolvedDecision, assignment: AgencyAssignment, wording: LetterWording): LetterText {
  const number = letterNumber(requireLetters(resolved.decision), resolved.assignments, assignment.agency.id);
  const data = letterTemplateData(resolved, assignment, number);
  const hasLead = assignment.lead.length > 0;
  const hasSupport = assignment.support.length > 0;
  return {
    number,
    opening: renderParagraph(wording, "opening", data),
    leadIntro: hasLead ? renderParagraph(wording, "lead-intro", data) : "",
    supportIntro: hasSupport ? renderParagraph(wording, "support-intro", data) : "",
    closing: endBody(renderParagraph(wording, "closing", data)),
    leadColumns: hasLead ? renderColumns(wording, "lead-columns", data, TASK_COLUMNS) : [],
    supportColumns: hasSupport ? renderColumns(wording, "support-columns", data, TASK_COLUMNS) : [],
  };
}
