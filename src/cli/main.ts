#!/usr/bin/env node
/**
 * vanban: one typed model of a Quyết định → DOCX, XLSX and per-agency PDF letters.
 * Heavy renderers are imported only by the commands that need them (exceljs alone costs ~450 ms).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EXIT } from "./output.ts";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

function exitWith(code: Promise<number>): Promise<void> {
  return code.then((c) => {
    process.exitCode = c;
  });
}

export function buildProgram(): Command {
  const program = new Command()
    .name("vanban")
    .description("Render a Vietnamese official decision (Quyết định), its appendix and per-agency letters from one YAML model.")
    .version(pkg.version, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("import")
    .description("import the scraped text of a decision into a YAML model; irregularities are warnings, fixed only with --fix")
    .argument("<scraped.txt>", "scraped text (one table cell per line)")
    .option("-o, --output <model.yaml>", "write the model here (default: standard output)")
    .option("--fix", "apply the suggested fixes to the official text and list them")
    .option("--directory <file>", "agency directory (YAML) instead of the bundled Quảng Nam 2013 one")
    .option("--json", "print a JSON report on standard output")
    .action((input: string, options) => exitWith(import("./import.ts").then((m) => m.runImport(input, options))));

  program
    .command("validate")
    .description("check a model: schema, numbering, dates, agencies; file:line:col diagnostics; exit 1 on errors")
    .argument("<model.yaml>", "the model")
    .option("--directory <file>", "agency directory (YAML)")
    .option("-q, --quiet", "print errors only")
    .option("--json", "print diagnostics as JSON on standard output")
    .action((file: string, options) => exitWith(import("./validate.ts").then((m) => m.runValidate(file, options))));

  return program;
}

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    // Programmer errors only: input problems are diagnostics. Keep the message, not a stack trace.
    process.stderr.write(`vanban: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  }
}

await main();
