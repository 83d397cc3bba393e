// Regenerates schema/*.json from the zod schemas (a test fails when they are stale).
import { writeFileSync } from "node:fs";
import { JSON_SCHEMAS, renderJsonSchema } from "../src/resolve/json-schema.ts";

for (const name of Object.keys(JSON_SCHEMAS)) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), renderJsonSchema(name));
  console.log(`wrote schema/${name}`);
}
