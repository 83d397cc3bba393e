import type { LetterTemplateData } from "../../src/letters/templates.ts";

/** Letter data for template tests: every field a template can use, with the seed's values. */
export const LETTER_DATA: LetterTemplateData = {
  decision: { type: "Quyết định", number: "503", symbol: "QĐ-UBND", date: "2013-02-06", subject: "S", subjectSentence: "s", planYear: "2013" },
  issuer: { name: "UBND tỉnh Quảng Nam", shortName: "UBND tỉnh", code: "UBND", place: "Quảng Nam" },
  agency: { name: "Sở Nội vụ", short: "SNV", addressee: "Sở Nội vụ" },
  letter: { number: "", symbol: "UBND-NC", date: "2013-02-06", subject: "V" },
  lead: { count: 3, label: "chủ trì" },
  support: { count: 2, label: "phối hợp" },
  report: { via: "" },
};
