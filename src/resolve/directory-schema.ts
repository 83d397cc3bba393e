import { z } from "zod";

export const agencyKindSchema = z.enum(["department", "board", "office", "district", "collective", "unlisted"]).describe("'unlisted': named in a cell but in no directory (the build makes it from the text)");

export const agencySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "lower-case ASCII, digits and '-'"),
    name: z.string().min(1).describe("official name"),
    short: z.string().min(1).describe("short name"),
    kind: agencyKindSchema,
    addressee: z.string().min(1).describe("the 'Kính gửi' form"),
    aliases: z.array(z.string()).default([]),
  })
  .strict();

export const agencyGroupSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    kinds: z.array(agencyKindSchema).min(1).describe("every agency of these kinds is a member"),
    aliases: z.array(z.string()).default([]),
  })
  .strict();

export const agencyDirectorySchema = z
  .object({
    name: z.string().min(1),
    agencies: z.array(agencySchema).min(1),
    groups: z.array(agencyGroupSchema).default([]),
    unspecified: z.array(z.string()).default([]).describe("phrases that name no particular agency"),
  })
  .strict();

export type AgencyKind = z.infer<typeof agencyKindSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type AgencyGroup = z.infer<typeof agencyGroupSchema>;
export type AgencyDirectory = z.infer<typeof agencyDirectorySchema>;
