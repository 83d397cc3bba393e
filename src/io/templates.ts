/**
 * Reads the letter templates (letters/templates.ts renders them): `<dir>/letter/<name>.hbs` for the six
 * names, default the bundled `templates/`. Only regular files inside the template directory are read: a
 * symlink leading out of it is refused, and so is a hard link (a second name of a file that may live
 * anywhere on the disk) and a file on another device; the file read is the one checked (same device and
 * inode). Each is at most MAX_TEMPLATE_BYTES of UTF-8 text, counted as it is read, and each is parsed once
 * here so that a syntax error or an unknown field is reported before any letter is drawn.
 */
import { constants } from "node:fs";
import { lstat, open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkTemplateSyntax, LETTER_TEMPLATES, TemplateError, type LetterTemplateName, type LetterWording } from "../letters/templates.ts";
import { readHandleBounded } from "./bounded-read.ts";
import { decodeTextInput } from "./read-text.ts";

/** The bundled template root: `src/io` and `dist/io` are both two levels below the package. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A template file is wording: a few hundred bytes. Anything this large is the wrong file. */
const MAX_TEMPLATE_BYTES = 64 * 1024;
const SAFE_NAME = /^[a-z][a-z0-9-]*$/;

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** The file of a template: only `<root>/letter/<name>.hbs`, names from a fixed alphabet. */
export function templateFile(root: string, name: string): string {
  const file = path.resolve(root, "letter", `${name}.hbs`);
  if (!SAFE_NAME.test(name) || !isInside(path.resolve(root), file)) {
    throw new TemplateError("template/unsafe-path", `"${name}" is not a template name`, { file: root });
  }
  return file;
}

async function templateRoot(dir: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if ((await lstat(real)).isDirectory()) return real;
  } catch {
    // reported below
  }
  throw new TemplateError("template/dir", `the template directory "${dir}" does not exist or is not a directory`, { file: dir });
}

async function readTemplate(root: string, name: LetterTemplateName): Promise<string> {
  const file = templateFile(root, name);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    throw new TemplateError("template/missing", `the template ${path.join("letter", `${name}.hbs`)} is missing`, { file });
  }
  // A symlink (of the file or of letter/) may point anywhere: only files inside the root are read.
  if (!isInside(root, real)) {
    throw new TemplateError("template/unsafe-path", `the template ${name}.hbs leads outside the template directory (to ${real})`, { file });
  }
  const info = await lstat(real);
  if (!info.isFile()) throw new TemplateError("template/missing", `the template ${name}.hbs is not a file`, { file });
  if (info.nlink > 1) {
    throw new TemplateError("template/unsafe-path", `the template ${name}.hbs is a hard link (one of ${info.nlink} names of the same file), which may lead outside the template directory`, { file });
  }
  if (info.dev !== (await stat(root)).dev) {
    throw new TemplateError("template/unsafe-path", `the template ${name}.hbs is on another device than the template directory`, { file });
  }
  const bytes = await readChecked(real, info, name, file);
  const decoded = decodeTextInput(bytes, file);
  const failure = decoded.diagnostics.find((d) => d.severity === "error");
  if (decoded.text === undefined || failure) {
    throw new TemplateError("template/unreadable", `the template ${name}.hbs: ${failure?.message ?? "no text"}`, { file });
  }
  checkTemplateSyntax(decoded.text, file);
  return decoded.text;
}

/** Reads the file that was checked: opened without following a link, the same device and inode, within the limit. */
async function readChecked(real: string, checked: { dev: number; ino: number }, name: string, file: string): Promise<Uint8Array> {
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => {
    throw new TemplateError("template/unsafe-path", `the template ${name}.hbs changed while it was read`, { file });
  });
  try {
    const opened = await handle.stat();
    if (opened.dev !== checked.dev || opened.ino !== checked.ino) {
      throw new TemplateError("template/unsafe-path", `the template ${name}.hbs changed while it was read`, { file });
    }
    const read = await readHandleBounded(handle, MAX_TEMPLATE_BYTES);
    if (read.truncated) throw new TemplateError("template/unreadable", `the template ${name}.hbs holds more than ${MAX_TEMPLATE_BYTES} bytes, the limit`, { file });
    return read.bytes;
  } finally {
    await handle.close();
  }
}

/** Reads and checks the six letter templates from `<dir>/letter/` (default: the bundled `templates/`). */
export async function loadLetterWording(dir: string = DEFAULT_TEMPLATES_DIR): Promise<LetterWording> {
  const root = await templateRoot(dir);
  const entries = await Promise.all(LETTER_TEMPLATES.map(async (name) => [name, await readTemplate(root, name)] as const));
  return { dir: root, sources: Object.fromEntries(entries) as Record<LetterTemplateName, string> };
}
