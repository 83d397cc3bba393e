/**
 * Schema 1 of the model (files without `schemaVersion`), kept only so that `migrate.ts` can read them:
 * one appendix of fixed columns in one level of groups, resolved agency ids and due dates stored beside the
 * text, and a signer as prefix + capacity + titles.
 */
import { z } from "zod";

const text = z.string().min(1, "must not be empty");
const isoDate = z.iso.date().describe("ISO date, YYYY-MM-DD");

/** Marks a part the source does not contain: the bundled model says so instead of passing it off as official. */
const originSchema = z
  .enum(["source", "editorial"])
  .describe("'source' = as written in the official text; 'editorial' = added by the editor, not in the source");

const profileSchema = z.enum(["nd30", "tt01"]).describe("layout rule set: Nghị định 30/2020 or Thông tư 01/2011");

const issuerSchema = z
  .object({
    parent: z.array(text).default([]).describe("cơ quan chủ quản lines, caps, not bold; empty for UBND tỉnh"),
    lines: z.array(text).min(1).describe("issuer name lines as printed, e.g. ỦY BAN NHÂN DÂN / TỈNH QUẢNG NAM"),
    code: text.describe("issuer code used in ký hiệu, e.g. UBND"),
    place: text.describe("place name of the date line, e.g. Quảng Nam"),
  })
  .strict();

const documentSchema = z
  .object({
    type: text.describe("document type as printed, e.g. QUYẾT ĐỊNH"),
    typeCode: text.describe("abbreviation in the ký hiệu, e.g. QĐ"),
    number: z.string().regex(/^\d*$/, "digits only (or empty to leave it for the văn thư)").describe("số, e.g. 503"),
    symbol: text.describe("ký hiệu, e.g. QĐ-UBND"),
    date: isoDate.describe("date of issue"),
  })
  .strict();

const blockKindSchema = z.enum(["section", "item", "point", "paragraph", "bullet"]);

/** One paragraph of an article: section "I.", item "1.", point "a)", plain paragraph or "- " bullet. */
const blockSchema = z
  .object({
    kind: blockKindSchema,
    label: z.string().default("").describe("the numbering as written: 'I.', '1.', 'a)', '-'; empty for paragraphs"),
    text: z.string().describe("the text after the label, as written"),
  })
  .strict();

const articleSchema = z
  .object({
    number: z.string().regex(/^\d+$/, "digits only"),
    text: text.describe("the article's own sentence after 'Điều N.'"),
    content: z.array(blockSchema).default([]),
  })
  .strict();

const signerSchema = z
  .object({
    prefix: z.enum(["", "TM.", "KT.", "Q.", "TL.", "TUQ."]).describe("capacity prefix (SIGN-PREFIX)"),
    capacity: z.string().describe("the body after the prefix, e.g. ỦY BAN NHÂN DÂN"),
    titles: z.array(text).min(1).describe("title lines, e.g. CHỦ TỊCH"),
    name: text,
  })
  .strict();

const recipientsSchema = z
  .object({
    origin: originSchema.default("source"),
    items: z.array(text).describe("one recipient per line, without the leading '- '"),
    archive: text.describe("last line without '- ', e.g. 'Lưu: VT, NC.'"),
  })
  .strict();

const columnKeySchema = z.enum(["number", "content", "product", "lead", "support", "deadline", "notes"]);

const columnSchema = z
  .object({ key: columnKeySchema, label: text.describe("header as written") })
  .strict();

const agencyCellSchema = z
  .object({
    text: z.string().describe("the cell as written"),
    agencies: z.array(z.string()).optional().describe("resolved agency ids; omitted = resolve from text"),
  })
  .strict();

const deadlineSchema = z
  .object({
    text: z.string().describe("the deadline as written, e.g. 'Quý I'"),
    due: isoDate.optional().describe("due date; omitted = derived from the text; absent for 'Thường xuyên'"),
  })
  .strict();

const taskSchema = z
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

const groupSchema = z
  .object({
    numeral: z.string().describe("Roman numeral as written"),
    title: z.string(),
    tasks: z.array(taskSchema),
  })
  .strict();

const appendixSchema = z
  .object({
    heading: text.describe("e.g. PHỤ LỤC"),
    title: text,
    reference: z.string().describe("the '(Ban hành kèm theo …)' line as written"),
    planYear: z.string().regex(/^\d{4}$/).describe("year the deadlines refer to"),
    columns: z.array(columnSchema).min(1),
    groups: z.array(groupSchema),
  })
  .strict();

const lettersSchema = z
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

export const decisionSchemaV1 = z
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

export type DecisionV1 = z.infer<typeof decisionSchemaV1>;
