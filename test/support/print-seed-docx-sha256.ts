/** Prints the SHA-256 of the seed DOCX: run in a child process to compare builds across time zones. */
import type { Profile } from "../../src/model/schema.ts";
import { buildSeedDocx, sha256 } from "./seed-docx.ts";

const { bytes } = await buildSeedDocx((process.argv[2] ?? "nd30") as Profile);
process.stdout.write(`${sha256(bytes)}\n`);
