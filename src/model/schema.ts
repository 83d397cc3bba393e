/**
 * The typed model of a decision (Quyết định) and its appendix (Phụ lục).
 * This zod schema is the single source of truth: TypeScript types are inferred from it and
 * `schema/decision.schema.json` is generated from it (`npm run schema`).
 *
 * Every scalar is a string, because the YAML is read with the failsafe schema so that "05" stays "05".
 */
import { z } from "zod";

const text = z.string().min(1, "must not be empty");
const isoDate = z.iso.date().describe("ISO date, YYYY-MM-DD");

/** Marks a part the source does not contain: the bundled model says so instead of passing it off as official. */
export const originSchema = z
  .enum(["source", "editorial"])
  .describe("'source' = as written in the official text; 'editorial' = added by the editor, not in the source");

export const profileSchema = z.enum(["nd30", "tt01"]).describe("layout rule set: Nghị định 30/2020 or Thông tư 01/2011");

export const issuerSchema = z
  .object({
    parent: z.array(text).default([]).describe("cơ quan chủ quản lines, caps, not bold; empty for UBND tỉnh"),
    lines: z.array(text).min(1).describe("issuer name lines as printed, e.g. ỦY BAN NHÂN DÂN / TỈNH QUẢNG NAM"),
    code: text.describe("issuer code used in ký hiệu, e.g. UBND"),
    place: text.describe("place name of the date line, e.g. Quảng Nam"),
  })
  .strict();

export const documentSchema = z
  .object({
    type: text.describe("document type as printed, e.g. QUYẾT ĐỊNH"),
    typeCode: text.describe("abbreviation in the ký hiệu, e.g. QĐ"),
    number: z.string().regex(/^\d*$/, "digits only (or empty to leave it for the văn thư)").describe("số, e.g. 503"),
    symbol: text.describe("ký hiệu, e.g. QĐ-UBND"),
    date: isoDate.describe("date of issue"),
  })
  .strict();

export const blockKindSchema = z.enum(["section", "item", "point", "paragraph", "bullet"]);

/** One paragraph of an article: section "I.", item "1.", point "a)", plain paragraph or "- " bullet. */
export const blockSchema = z
  .object({
    kind: blockKindSchema,
    label: z.string().default("").describe("the numbering as written: 'I.', '1.', 'a)', '-'; empty for paragraphs"),
    text: z.string().describe("the text after the label, as written"),
  })
  .strict();

export const articleSchema = z
  .object({
    number: z.string().regex(/^\d+$/, "digits only"),
    text: text.describe("the article's own sentence after 'Điều N.'"),
    content: z.array(blockSchema).default([]),
  })
  .strict();

export const signerSchema = z
  .object({
    prefix: z.enum(["", "TM.", "KT.", "Q.", "TL.", "TUQ."]).describe("capacity prefix (SIGN-PREFIX)"),
    capacity: z.string().describe("the body after the prefix, e.g. ỦY BAN NHÂN DÂN"),
    titles: z.array(text).min(1).describe("title lines, e.g. CHỦ TỊCH"),
    name: text,
  })
  .strict();

export const recipientsSchema = z
  .object({
    origin: originSchema.default("source"),
    items: z.array(text).describe("one recipient per line, without the leading '- '"),
    archive: text.describe("last line without '- ', e.g. 'Lưu: VT, NC.'"),
  })
  .strict();

export const columnKeySchema = z.enum(["number", "content", "product", "lead", "support", "deadline", "notes"]);

export const columnSchema = z
  .object({ key: columnKeySchema, label: text.describe("header as written") })
  .strict();

export const agencyCellSchema = z
  .object({
    text: z.string().describe("the cell as written"),
    agencies: z.array(z.string()).optional().describe("resolved agency ids; omitted = resolve from text"),
  })
  .strict();

export const deadlineSchema = z
  .object({
    text: z.string().describe("the deadline as written, e.g. 'Quý I'"),
    due: isoDate.optional().describe("due date; omitted = derived from the text; absent for 'Thường xuyên'"),
  })
  .strict();

export const taskSchema = z
  .object({
    number: z.string().describe("STT as written; may be empty"),
    content: z.string(),
    product: z.string().default(""),
    lead: agencyCellSchema,
    support: agencyCellSchema.default({ text: "" }),
    deadline: deadlineSchema,
    notes: z.string().optional(),
  })
  .strict();

export const groupSchema = z
  .object({
    numeral: z.string().describe("Roman numeral as written"),
    title: z.string(),
    tasks: z.array(taskSchema),
  })
  .strict();

export const appendixSchema = z
  .object({
    heading: text.describe("e.g. PHỤ LỤC"),
    title: text,
    reference: z.string().describe("the '(Ban hành kèm theo …)' line as written"),
    planYear: z.string().regex(/^\d{4}$/).describe("year the deadlines refer to"),
    columns: z.array(columnSchema).min(1),
    groups: z.array(groupSchema),
  })
  .strict();

export const lettersSchema = z
  .object({
    origin: originSchema.default("editorial"),
    number: z.string().regex(/^\d*$/).default("").describe("empty = left blank for the văn thư"),
    symbol: text.describe("ký hiệu of the công văn, e.g. UBND-NC"),
    date: isoDate,
    subject: text.describe("the 'V/v …' text without 'V/v '"),
    signer: signerSchema,
    archive: text.describe("e.g. 'Lưu: VT, NC.'"),
    copies: z.array(text).default([]).describe("recipients after '- Như trên;'"),
    reportVia: z
      .string()
      .optional()
      .describe("directory id of the agency reports go through: '… báo cáo về UBND tỉnh (qua Sở Nội vụ)'; its own letter leaves the '(qua …)' out"),
  })
  .strict();

export const decisionSchema = z
  .object({
    profile: profileSchema.default("nd30"),
    issuer: issuerSchema,
    document: documentSchema,
    subject: text.describe("trích yếu"),
    authority: text.describe("authority line, e.g. ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"),
    legalBases: z.array(text).describe("căn cứ, one per paragraph, as written"),
    proposal: z.string().default("").describe("the 'Xét đề nghị …' line"),
    decides: text.default("QUYẾT ĐỊNH:"),
    articles: z.array(articleSchema).min(1),
    signer: signerSchema,
    recipients: recipientsSchema,
    appendix: appendixSchema.optional(),
    letters: lettersSchema.optional(),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type Issuer = z.infer<typeof issuerSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockKind = z.infer<typeof blockKindSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Signer = z.infer<typeof signerSchema>;
export type Recipients = z.infer<typeof recipientsSchema>;
export type ColumnKey = z.infer<typeof columnKeySchema>;
export type Column = z.infer<typeof columnSchema>;
export type AgencyCell = z.infer<typeof agencyCellSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Appendix = z.infer<typeof appendixSchema>;
export type Letters = z.infer<typeof lettersSchema>;
export type Decision = z.infer<typeof decisionSchema>;
