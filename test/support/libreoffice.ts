/**
 * LibreOffice for the optional visual checks: detection (tests skip with a message when it is absent) and
 * headless conversion to PDF with a private profile and a fontconfig that maps Times New Roman to Tinos
 * (same metrics), so results do not depend on the fonts installed on the machine.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { TINOS_PATHS } from "../../src/io/fonts.ts";

export function onPath(tool: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** " (skipped: soffice not on PATH)" or "" for test titles; also printed once. */
export function skipReasonFor(tools: readonly string[], what: string): string {
  const missing = tools.filter((tool) => !onPath(tool));
  const reason = missing.length ? ` (skipped: ${missing.join(", ")} not on PATH)` : "";
  if (reason) console.warn(`${what}${reason}`);
  return reason;
}

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
