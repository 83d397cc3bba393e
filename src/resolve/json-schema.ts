import { z } from "zod";
import { decisionSchema } from "../model/schema.ts";
import { agencyDirectorySchema } from "./directory-schema.ts";

/** JSON Schemas generated from the zod schemas, for editors (yaml-language-server). `npm run schema` writes them. */
export const JSON_SCHEMAS: Record<string, () => unknown> = {
  "decision.schema.json": () => ({ title: "vanban decision model", ...z.toJSONSchema(decisionSchema, { io: "input" }) }),
  "agency-directory.schema.json": () => ({ title: "vanban agency directory", ...z.toJSONSchema(agencyDirectorySchema, { io: "input" }) }),
};

export function renderJsonSchema(name: string): string {
  return `${JSON.stringify(JSON_SCHEMAS[name]!(), null, 2)}\n`;
}
