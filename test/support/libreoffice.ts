/**
 * External tools for the optional checks (LibreOffice, poppler): detection (tests skip with a message when a
 * tool is absent, or left out by `npm run test:fast`) and headless conversion to PDF with a private profile
 * and a fontconfig that maps Times New Roman to Tinos (same metrics), so results do not depend on the fonts
 * installed on the machine.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { TINOS_PATHS } from "../../src/io/fonts.ts";

/** Tools the run leaves out as if absent (comma-separated): `npm run test:fast` sets it (vitest.config.ts). */
const LEFT_OUT = new Set((process.env.VANBAN_TEST_WITHOUT ?? "").split(",").filter(Boolean));
/**
 * The LibreOffice checks run only when asked for (`npm run test:libreoffice`): on a two-core machine they take
 * a good share of the two minutes `npm test` may take.
 */
const LIBREOFFICE_ASKED = process.env.VANBAN_TEST_LIBREOFFICE === "1";
const notAsked = (tool: string) => tool === "soffice" && !LIBREOFFICE_ASKED;

function findOnPath(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return join(dir, tool);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export function onPath(tool: string): boolean {
  return !LEFT_OUT.has(tool) && !notAsked(tool) && findOnPath(tool) !== undefined;
}

/** " (skipped: soffice not on PATH)" or "" for test titles; also printed once. */
export function skipReasonFor(tools: readonly string[], what: string): string {
  const leftOut = tools.filter((tool) => LEFT_OUT.has(tool));
  const unasked = tools.filter((tool) => !LEFT_OUT.has(tool) && notAsked(tool));
  const missing = tools.filter((tool) => !LEFT_OUT.has(tool) && !notAsked(tool) && !onPath(tool));
  const reasons = [
    ...(leftOut.length ? [`${leftOut.join(", ")} left out (VANBAN_TEST_WITHOUT)`] : []),
    ...(unasked.length ? ["the LibreOffice checks run with npm run test:libreoffice"] : []),
    ...(missing.length ? [`${missing.join(", ")} not on PATH`] : []),
  ];
  const reason = reasons.length ? ` (skipped: ${reasons.join("; ")})` : "";
  if (reason) console.warn(`${what}${reason}`);
  return reason;
}

/**
 * Whether the LibreOffice on PATH has Calc, which prints spreadsheets (Debian splits it into
 * libreoffice-calc(-nogui); with Writer alone, soffice fails an .xlsx with "source file could not be loaded").
 */
export function libreOfficeHasCalc(): boolean {
  const soffice = onPath("soffice") ? findOnPath("soffice") : undefined;
  if (!soffice) return false;
  const program = dirname(realpathSync(soffice));
  return ["libsclo.so", "libsclo.dylib", "sclo.dll"].some((lib) => existsSync(join(program, lib)));
}

const SPREADSHEET = /\.(xlsx|xls|ods)$/i;

function writeFontConfig(dir: string): string {
  const file = join(dir, "fonts.conf");
  const fontDirs = [...new Set(Object.values(TINOS_PATHS).map(dirname))].map((d) => `<dir>${d}</dir>`).join("\n  ");
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${fontDirs}
  <cachedir>${join(dir, "fontconfig-cache")}</cachedir>
  <alias binding="same"><family>Times New Roman</family><prefer><family>Tinos</family></prefer></alias>
</fontconfig>
`,
  );
  return file;
}

/** Converts office files to PDF in one LibreOffice run; returns the PDF paths in input order. */
export function convertToPdf(files: readonly string[], workDir = mkdtempSync(join(tmpdir(), "vanban-soffice-"))): string[] {
  if (files.some((file) => SPREADSHEET.test(file)) && !libreOfficeHasCalc())
    throw new Error("this LibreOffice has no Calc, which prints spreadsheets (Debian: apt-get install libreoffice-calc-nogui); skip with libreOfficeHasCalc()");
  const outDir = mkdtempSync(join(workDir, "pdf-"));
  const result = spawnSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(join(outDir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
    { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: writeFontConfig(outDir) }, timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  const made = readdirSync(outDir);
  return files.map((file) => {
    const name = `${basename(file, extname(file))}.pdf`;
    if (!made.includes(name)) throw new Error(`soffice wrote no ${name}: ${result.stdout}${result.stderr}`);
    return join(outDir, name);
  });
}
