/**
 * The typed model of an official document (Quyết định, Kế hoạch, Nghị quyết, Chỉ thị, …), the documents it
 * issues and its appendices. This zod schema is the single source of truth: TypeScript types are inferred from
 * it and `schema/decision.schema.json` is generated from it (`npm run schema`).
 *
 * The model holds the text as written and nothing derived from it: which agencies a cell names and when a
 * deadline falls are resolved at every build (resolve/). What the text does not say is pinned in `overrides`.
 * Every scalar is a string, because the YAML is read with the failsafe schema so that "05" stays "05".
 */
import { z } from "zod";

/** Files without `schemaVersion` are schema 1 and are migrated on load (model/migrate.ts). */
export const SCHEMA_VERSION = "2";

const text = z.string().min(1, "must not be empty");
const isoDate = z.iso.date().describe("ISO date, YYYY-MM-DD");
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Why "2013-02-30" or "2013-13" is no date ("February 2013 has 28 days"); undefined for a date, or a draft's "2025-12". */
function calendarProblem(value: string): string | undefined {
  const [year, month, day] = value.split("-").map(Number) as [number, number?, number?];
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${month}: write 01 to 12`;
  if (month === undefined || day === undefined) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days ? undefined : `${MONTHS[month - 1]} ${year} has ${days} days`;
}

const digits = z.string().regex(/^\d*$/, "digits only (or empty to leave it for the văn thư)");

/** A date of issue; a draft leaves the day ("2025-12") or the day and the month ("2025") for the văn thư. */
export const issueDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY-MM-DD, or YYYY-MM / YYYY for a draft whose day is left blank")
  .superRefine((value, ctx) => {
    const problem = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? calendarProblem(value) : undefined;
    if (problem) ctx.addIssue({ code: "custom", message: `${value} is no date: ${problem}` });
  })
  .describe("date of issue: YYYY-MM-DD; a draft: YYYY-MM (day blank) or YYYY (day and month blank)");

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
    type: text.describe("document type as printed, e.g. QUYẾT ĐỊNH, KẾ HOẠCH, NGHỊ QUYẾT"),
    typeCode: text.describe("abbreviation in the ký hiệu, e.g. QĐ, KH"),
    number: digits.describe("số, e.g. 503; empty in a draft"),
    symbol: text.describe("ký hiệu, e.g. QĐ-UBND"),
    date: issueDateSchema,
  })
  .strict();

export const blockKindSchema = z.enum(["section", "item", "point", "paragraph", "bullet"]);

/** One paragraph of the body: section "I.", item "1.", point "a)", plain paragraph or "- " bullet. */
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
    lines: z
      .array(text)
      .min(1)
      .describe("capacity and title lines as written: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'; a head signing in person: 'CHỦ TỊCH'"),
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

/** A document the main one issues ("ban hành kèm theo"): a Kế hoạch, Đề án, Chương trình, Quy chế, Điều lệ. */
export const attachmentSchema = z
  .object({
    type: text.describe("as printed above its title, e.g. KẾ HOẠCH, QUY CHẾ"),
    title: text.describe("what it is about, e.g. 'Cải cách hành chính năm 2013'"),
    reference: z.string().describe("the '(Kèm theo Quyết định số …)' line as written"),
    content: z.array(blockSchema).min(1).describe("its sections, items and paragraphs, as written"),
    signer: signerSchema.optional().describe("when the attached document is signed at its end"),
  })
  .strict();

/** What a column holds; a column without a role is kept by its label as written. */
export const columnRoleSchema = z.enum(["number", "content", "product", "lead", "support", "deadline", "result", "funding", "followUp", "notes"]);

export const columnSchema = z
  .object({
    role: columnRoleSchema.optional().describe("omitted: a column of its own, whose cells are in each row's `cells` under its label"),
    label: text.describe("header as written"),
  })
  .strict();

/** The cells a row may hold by column role. */
const roleCells = {
  number: z.string().default("").describe("STT as written; may be empty"),
  content: z.string().default(""),
  product: z.string().optional(),
  lead: z.string().optional().describe("cơ quan chủ trì as written"),
  support: z.string().optional().describe("cơ quan phối hợp as written"),
  deadline: z.string().optional().describe("thời gian hoàn thành as written, e.g. 'Quý I'"),
  result: z.string().optional(),
  funding: z.string().optional(),
  followUp: z.string().optional(),
  notes: z.string().optional(),
};

export interface Row {
  number: string;
  content: string;
  product?: string | undefined;
  lead?: string | undefined;
  support?: string | undefined;
  deadline?: string | undefined;
  result?: string | undefined;
  funding?: string | undefined;
  followUp?: string | undefined;
  notes?: string | undefined;
  cells?: Record<string, string> | undefined;
  span?: Record<string, string> | undefined;
  rows: Row[];
}

export const rowSchema: z.ZodType<Row, unknown> = z.lazy(() =>
  z
    .object({
      ...roleCells,
      cells: z.record(z.string(), z.string()).optional().describe("cells of columns without a role, by the column's label"),
      span: z
        .record(z.string(), z.string().regex(/^([2-9]|[1-9]\d+)$/, "a number of rows, 2 or more"))
        .optional()
        .describe("cells merged down: {lead: '3'} = this row's lead cell covers it and the next 2 rows, which leave it out"),
      rows: z.array(rowSchema).default([]).describe("sub-rows under this row"),
    })
    .strict(),
);

export interface Group {
  group: string;
  title: string;
  items: (Group | Row)[];
}

export const groupSchema: z.ZodType<Group, unknown> = z.lazy(() =>
  z
    .object({
      group: z.string().describe("the group's label as written: 'I', 'A', '1', 'III.1'"),
      title: z.string(),
      items: z.array(z.union([groupSchema, rowSchema])).default([]).describe("rows and sub-groups, in the order written"),
    })
    .strict(),
);

export const isGroup = (item: Group | Row): item is Group => "group" in item;

export const appendixSchema = z
  .object({
    heading: text.describe("e.g. PHỤ LỤC, PHỤ LỤC II"),
    title: text,
    reference: z.string().describe("the '(Ban hành kèm theo …)' line as written"),
    planYear: z.string().regex(/^\d{4}$/).optional().describe("year the deadlines refer to; omitted = the year of the document"),
    columns: z.array(columnSchema).min(1),
    items: z.array(z.union([groupSchema, rowSchema])).describe("groups and rows, in the order written"),
  })
  .strict();

export const overrideFieldSchema = z.enum(["lead", "support", "deadline"]);

/**
 * What the text does not say, pinned by the user: the agencies of a collective phrase, the date of "Thường
 * xuyên". It holds the cell as it read when pinned: when the cell changes the override no longer applies
 * (an error), so a pin can never silently outlive the text it was written for.
 */
export const overrideSchema = z
  .object({
    task: text.describe("the task's ref as the letters cite it, e.g. 'II.3'"),
    field: overrideFieldSchema,
    text: z.string().describe("the cell as written when the override was made"),
    agencies: z.array(text).optional().describe("directory ids (lead / support)"),
    due: isoDate.optional().describe("due date (deadline)"),
    reason: z.string().optional(),
  })
  .strict();

export const lettersSchema = z
  .object({
    origin: originSchema.default("editorial"),
    number: digits.default("").describe("one number for every letter; empty = left blank for the văn thư"),
    numbers: z
      .object({
        from: digits.optional().describe("first number of a register range: letters are numbered on in directory order"),
        byAgency: z.record(z.string(), digits).optional().describe("a number per agency id"),
      })
      .strict()
      .optional()
      .describe("per-letter numbers given by the văn thư; a number in byAgency wins over the range"),
    symbol: text.describe("ký hiệu of the công văn, e.g. UBND-NC"),
    date: issueDateSchema,
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
    schemaVersion: z.literal(SCHEMA_VERSION).describe("version of this model format"),
    profile: profileSchema.default("nd30"),
    directory: z.string().optional().describe("agency directory the cells are read against: a path relative to this file; omitted = the bundled one"),
    issuer: issuerSchema,
    document: documentSchema,
    subject: text.describe("trích yếu"),
    authority: z.string().default("").describe("authority line of a decision, e.g. ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"),
    legalBases: z.array(text).default([]).describe("căn cứ, one per paragraph, as written"),
    proposal: z.string().default("").describe("the 'Xét đề nghị …' line"),
    decides: z.string().default("").describe("e.g. 'QUYẾT ĐỊNH:', 'QUYẾT NGHỊ:'; empty for a Kế hoạch"),
    preamble: z.array(text).default([]).describe("a Kế hoạch's opening paragraphs: 'Thực hiện …'"),
    articles: z.array(articleSchema).default([]).describe("Điều 1, Điều 2, … of a decision or resolution"),
    content: z.array(blockSchema).default([]).describe("the body of a document without articles (Kế hoạch, Chỉ thị): sections I., II., …"),
    attachments: z.array(attachmentSchema).default([]).describe("documents issued with this one"),
    signer: signerSchema,
    recipients: recipientsSchema,
    appendices: z.array(appendixSchema).default([]),
    letters: lettersSchema.optional(),
    overrides: z.array(overrideSchema).default([]),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type Issuer = z.infer<typeof issuerSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockKind = z.infer<typeof blockKindSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Signer = z.infer<typeof signerSchema>;
export type Recipients = z.infer<typeof recipientsSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type ColumnRole = z.infer<typeof columnRoleSchema>;
export type Column = z.infer<typeof columnSchema>;
export type Appendix = z.infer<typeof appendixSchema>;
export type Override = z.infer<typeof overrideSchema>;
export type OverrideField = z.infer<typeof overrideFieldSchema>;
export type Letters = z.infer<typeof lettersSchema>;
export type Decision = z.infer<typeof decisionSchema>;
