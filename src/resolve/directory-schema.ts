import { z } from "zod";

/** A name with a control character (a pasted tab, a NUL) would print and match unlike what the clerk sees. */
const name = z
  .string()
  .min(1)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/u, "has a control character (tab, line break, NUL …); retype it");

export const agencyKindSchema = z.enum(["department", "board", "office", "district", "collective", "unlisted"]).describe("'unlisted': named in a cell but in no directory (the build makes it from the text)");

export const agencySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "lower-case ASCII, digits and '-'"),
    name: name.describe("official name"),
    short: name.describe("short name"),
    kind: agencyKindSchema,
    addressee: name.describe("the 'Kính gửi' form"),
    aliases: z.array(name).default([]),
  })
  .strict();

export const agencyGroupSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name,
    kinds: z.array(agencyKindSchema).min(1).describe("every agency of these kinds is a member"),
    aliases: z.array(name).default([]),
  })
  .strict();

export const agencyDirectorySchema = z
  .object({
    name: z.string().min(1),
    place: z.string().min(1).optional().describe("the place whose agencies it lists, as issuers write it (issuer.place): 'Quảng Nam'"),
    agencies: z.array(agencySchema).min(1),
    groups: z.array(agencyGroupSchema).default([]),
    unspecified: z.array(name).default([]).describe("phrases that name no particular agency"),
  })
  .strict()
  .superRefine((directory, ctx) => {
    // one id names one agency or group: a second one would silently take the first one's letters
    const seen = new Map<string, string>();
    const check = (id: string, path: (string | number)[]) => {
      const first = seen.get(id);
      if (first) ctx.addIssue({ code: "custom", message: `duplicate id "${id}" (first at ${first})`, path });
      else seen.set(id, path.join("."));
    };
    directory.agencies.forEach((a, i) => check(a.id, ["agencies", i, "id"]));
    directory.groups.forEach((g, i) => check(g.id, ["groups", i, "id"]));
  });

export type AgencyKind = z.infer<typeof agencyKindSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type AgencyGroup = z.infer<typeof agencyGroupSchema>;
export type AgencyDirectory = z.infer<typeof agencyDirectorySchema>;
