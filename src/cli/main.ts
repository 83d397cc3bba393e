#!/usr/bin/env node
/**
 * vanban: one typed model of a Quyết định → DOCX, XLSX and per-agency PDF letters.
 * Heavy renderers are imported only by the commands that need them (exceljs alone costs ~450 ms).
 */
import { readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Command, CommanderError } from "commander";
import { diagnose } from "../diagnostics/rules.ts";
import { outputFailureDiagnostic } from "../io/output-failure.ts";
import { OutputBusyError } from "../io/output-lock.ts";
import { isEntryPoint, startProgram } from "./entry-point.ts";
import { installationChangedDiagnostic } from "./installation.ts";
import { EXIT, EXIT_CODES_HELP, printDiagnostics } from "./output.ts";

const DEFAULT_WAIT_SECONDS = 120;
const MAX_WAIT_SECONDS = 3600;

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** `result` receives the exit code of the command that ran (see run()). */
export function buildProgram(result: { exitCode: number } = { exitCode: EXIT.ok }): Command {
  const exitWith = (code: Promise<number>): Promise<void> =>
    code.then((c) => {
      result.exitCode = c;
    });
  const program = new Command()
    .name("vanban")
    .description("Render a Vietnamese official decision (Quyết định), its appendix and per-agency letters from one YAML model.")
    .version(pkg.version, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", `\n${EXIT_CODES_HELP}`)
    .exitOverride();
  const checkProfile = (profile: string | undefined) => {
    if (profile && !["nd30", "tt01"].includes(profile)) program.error(`error: --profile must be nd30 or tt01, not "${profile}"`, { exitCode: EXIT.usage });
  };
  /** `auto`, or a whole number of threads from 0 to the machine's cores (each worker costs ~100 MB). */
  const checkWorkers = (workers: string) => {
    const cores = availableParallelism();
    if (workers === "auto") return;
    if (!/^\d+$/.test(workers) || Number(workers) > cores)
      program.error(`error: --workers must be auto or a whole number from 0 to ${cores} (the cores of this machine), not "${workers}"`, { exitCode: EXIT.usage });
  };
  /** --wait: a bare flag waits the default time; a number of seconds is bounded, so no build waits forever. */
  const waitSeconds = (wait: boolean | string | undefined): number | undefined => {
    if (wait === undefined || wait === false) return undefined;
    if (wait === true) return DEFAULT_WAIT_SECONDS;
    if (!/^\d+$/.test(wait) || Number(wait) > MAX_WAIT_SECONDS)
      program.error(`error: --wait takes a number of seconds from 0 to ${MAX_WAIT_SECONDS}, not "${wait}"`, { exitCode: EXIT.usage });
    return Number(wait);
  };

  program
    .command("import")
    .description("import a decision or plan (a Word .docx, a page saved from a legal-text site, a text or markdown scrape, an appendix workbook .xlsx) into a YAML model; irregularities are warnings, fixed only with --fix")
    .argument("<file>", "the document; its format is read from its bytes")
    .option("-o, --output <model.yaml>", "write the model here (default: standard output; with --update, the updated model)")
    .option("--force", "overwrite the file at -o if it exists (without it an existing file is refused, exit 2)")
    .option("--update <model.yaml>", "merge the input's appendices (a workbook's sheets) into this model and print what changed, as `vanban diff` does")
    .option("--fix", "apply the suggested fixes to the official text and list them")
    .option("--directory <file>", "agency directory (YAML) instead of the bundled Quảng Nam 2013 one")
    .option("--json", "print a JSON report on standard output")
    .action((input: string, options) => {
      if (options.update !== undefined && options.fix) program.error("error: --fix does not apply to --update (run `vanban validate --fix` on the updated model)", { exitCode: EXIT.usage });
      return exitWith(import("./import.ts").then((m) => m.runImport(input, options)));
    });

  program
    .command("migrate")
    .description("rewrite a model of an older schema in the current one, keeping every value (a schema 1 file's stored agencies and dates become overrides where the text does not give them)")
    .argument("<model.yaml>", "the model")
    .option("-o, --output <model.yaml>", "write the migrated model here (default: rewrite the file in place)")
    .option("--directory <file>", "agency directory (YAML)")
    .option("--json", "print a JSON report on standard output")
    .action((file: string, options) => exitWith(import("./migrate.ts").then((m) => m.runMigrate(file, options))));

  program
    .command("directory")
    .description("derive a starting agency directory from a model's lead and support cells (for an issuer the bundled directory does not cover)")
    .argument("<model.yaml>", "the model")
    .option("-o, --output <agencies.yaml>", "write the directory here (default: standard output)")
    .option("--name <name>", "the directory's name (default: the issuer)")
    .option("--json", "print a JSON report on standard output")
    .action((file: string, options) => exitWith(import("./directory.ts").then((m) => m.runDirectory(file, options))));

  program
    .command("validate")
    .description("check a model: schema, numbering, dates, agencies; file:line:col diagnostics; exit 1 on errors")
    .argument("<model.yaml>", "the model")
    .option("--directory <file>", "agency directory (YAML)")
    .option("-q, --quiet", "print errors only")
    .option("--fix", "apply the suggested fixes to the official text in the file (comments and layout kept) and list them")
    .option("--json", "print diagnostics as JSON on standard output")
    .action((file: string, options) => exitWith(import("./validate.ts").then((m) => m.runValidate(file, options))));

  program
    .command("build")
    .description("build the decision (DOCX and PDF), the appendix XLSX and a packet (letter DOCX and PDF + workbook + manifest) per agency")
    .argument("<model.yaml>", "the model")
    .option("-o, --output <dir>", "output folder (a sub-folder per document is written atomically)", "out")
    .option("--profile <profile>", "layout rule set: nd30 (default, Nghị định 30/2020) or tt01 (Thông tư 01/2011)")
    .option("--agency <id-or-name...>", "build only these agencies' packets (ids, names, aliases, packet folders, or a group for all its members)")
    .option("--templates <dir>", "letter wording from <dir>/letter/*.hbs instead of the bundled templates")
    .option("--directory <file>", "agency directory (YAML)")
    .option("--workers <n>", `worker threads for the letters: auto or a number from 0 (none) to ${availableParallelism()} (the cores)`, "auto")
    .option("--font-dir <dir>", "look here first for Times New Roman's four faces (then the system font folders; Tinos unless all four are found)")
    .option("--formats <list>", "formats of the decision and the letters: docx,pdf (default both), docx or pdf", "docx,pdf")
    .option("--force", "render everything, even outputs whose inputs did not change since the last build")
    .option("-q, --quiet", "print errors only")
    .option("--json", "print a JSON report on standard output")
    .option("--no-check", "do not run the layout checker on the DOCX just written")
    .option("--wait [seconds]", `if another build is writing the same folder, wait for it (default ${DEFAULT_WAIT_SECONDS} s, at most ${MAX_WAIT_SECONDS}) instead of exiting with ${EXIT.busy}`)
    .action((file: string, options) => {
      checkProfile(options.profile);
      checkWorkers(options.workers);
      const wait = waitSeconds(options.wait);
      if (options.fontDir !== undefined && !statSync(options.fontDir, { throwIfNoEntry: false })?.isDirectory())
        program.error(`error: --font-dir "${options.fontDir}" is not a folder`, { exitCode: EXIT.usage });
      return exitWith(import("./build.ts").then((m) => m.runBuild(file, { ...options, wait, toolVersion: pkg.version })));
    });

  program
    .command("check")
    .description("check any DOCX against the layout rules: each rule's status, measured and expected values and place; exit 1 if a rule fails, 2 if the file is not a readable DOCX")
    .argument("<file.docx>", "a DOCX, ours or made elsewhere")
    .option("--profile <profile>", "rule set: nd30 or tt01 (default: the profile in the document's keywords, else nd30)")
    .option("-q, --quiet", "list failing rules only")
    .option("--json", "print the report (results and diagnostics) as JSON on standard output")
    .action((file: string, options) => {
      checkProfile(options.profile);
      return exitWith(import("./check.ts").then((m) => m.runCheck(file, options)));
    });

  program
    .command("watch")
    .description("rebuild on every save of the model (incremental), printing a summary and the diagnostics each time")
    .argument("<model.yaml>", "the model")
    .option("-o, --output <dir>", "output folder", "out")
    .option("--profile <profile>", "nd30 or tt01")
    .option("--templates <dir>", "letter wording from <dir>/letter/*.hbs")
    .option("--directory <file>", "agency directory (YAML)")
    .option("--formats <list>", "formats of the decision and the letters: docx,pdf (default both), docx or pdf", "docx,pdf")
    .action((file: string, options) => {
      checkProfile(options.profile);
      return exitWith(import("./watch.ts").then((m) => m.runWatch(file, { ...options, toolVersion: pkg.version })));
    });

  program
    .command("diff")
    .description("what changed between two models (tasks, groups, deadlines, assignments) and which agencies' packets are affected")
    .argument("<model.yaml>", "the old model, or the new one with --against")
    .argument("[new.yaml]", "the new model")
    .option("--against <build-folder>", "compare with the model of the last build in that folder (e.g. out/qd-503-2013)")
    .option("--directory <file>", "agency directory (YAML)")
    .option("--json", "print the changes as JSON")
    .action((first: string, second: string | undefined, options) => exitWith(import("./diff.ts").then((m) => m.runDiff(first, second, options))));

  return program;
}

/**
 * Runs one command line (the arguments after `vanban`) in this process and resolves to its exit code; output
 * goes to process.stdout and process.stderr. The binary runs it (startProgram); tests call it.
 */
export async function run(args: readonly string[]): Promise<number> {
  const result = { exitCode: EXIT.ok as number };
  const program = buildProgram(result);
  try {
    await program.parseAsync(args, { from: "user" });
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const reinstalled = installationChangedDiagnostic(error);
    if (reinstalled) {
      printDiagnostics([reinstalled], {});
      return EXIT.internal;
    }
    // A file-system failure that a command did not turn into a diagnostic itself (e.g. import -o at a folder).
    const failure = outputFailureDiagnostic(error);
    if (failure) {
      printDiagnostics([failure], {});
      return error instanceof OutputBusyError ? EXIT.busy : EXIT.output;
    }
    // Programmer errors only: input problems are diagnostics. Keep the message, not a stack trace.
    printDiagnostics([diagnose("internal/bug", { reason: error instanceof Error ? error.message : String(error) })], {});
    return EXIT.internal;
  }
}

if (isEntryPoint(import.meta.url)) startProgram(run);
