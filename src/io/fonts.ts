/**
 * The four faces every renderer measures and embeds: Times New Roman when this machine has all four of its
 * faces, else Tinos (bundled, OFL, metric-compatible with Times New Roman), so the layout is the same either way.
 *
 * Discovery looks in a `fontDir` first, then the usual font folders of Linux, Windows and macOS, and takes a
 * file as a Times New Roman face by the names inside it (family and subfamily, read with fontkit), never by its
 * file name alone: Tinos copied to times.ttf stays Tinos. The search is bounded (depth, entries, file size).
 */
import { readdir, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type * as Fontkit from "fontkit";
import type { FaceName, FontBytes, FontFamily } from "../layout/font-bytes.ts";
import { readBounded } from "./bounded-read.ts";

const require = createRequire(import.meta.url);

export const FACE_NAMES: readonly FaceName[] = ["normal", "bold", "italics", "bolditalics"];

/** Tinos: metric-compatible with Times New Roman (OFL). The package's index.js is Expo-only, so resolve the files. */
export const TINOS_PATHS: Record<FaceName, string> = {
  normal: require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf"),
  italics: require.resolve("@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf"),
  bolditalics: require.resolve("@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf"),
};

/** Which fonts a build uses, for its report. */
export interface FontChoice {
  family: FontFamily;
  files: Record<FaceName, string>;
}

export interface FontOptions {
  /** searched before the system folders (`vanban build --font-dir`) */
  fontDir?: string | undefined;
  /** the system folders to search after `fontDir` (default: `systemFontDirs()`; `[]` searches `fontDir` only) */
  systemDirs?: readonly string[];
  /** exactly these files, no search (a worker thread loading what the main thread chose) */
  use?: FontChoice | undefined;
}

/** Bounds of the search, per folder searched. */
export const SEARCH_LIMITS = {
  /** folder levels below a search folder (msttcorefonts: /usr/share/fonts/truetype/msttcorefonts/) */
  depth: 4,
  /** directory entries looked at */
  entries: 20_000,
  /** font files opened with fontkit */
  candidates: 64,
  /** larger files are skipped (Times New Roman faces are under 1 MB) */
  fileBytes: 16 * 1024 * 1024,
};

/** The usual font folders, in order: Linux, the user's own, Windows, macOS. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  const windows = env.WINDIR ?? env.windir ?? env.SystemRoot;
  return [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    join(home, ".fonts"),
    join(home, ".local/share/fonts"),
    ...(windows ? [join(windows, "Fonts")] : []),
    "C:\\Windows\\Fonts",
    "/Library/Fonts",
    join(home, "Library/Fonts"),
    "/System/Library/Fonts",
  ].filter((dir, i, all) => all.indexOf(dir) === i);
}

/** File names worth opening: font files whose name mentions Times (times.ttf, timesbd.ttf, Times_New_Roman.ttf …). */
const CANDIDATE_NAME = /(times|tnr).*\.(ttf|otf)$/i;

const SUBFAMILY_FACE: Record<string, FaceName> = {
  regular: "normal",
  normal: "normal",
  roman: "normal",
  bold: "bold",
  italic: "italics",
  oblique: "italics",
  bolditalic: "bolditalics",
  boldoblique: "bolditalics",
};

/** The Times New Roman face a font file is, by the names inside it; undefined for any other font. */
export function timesNewRomanFace(bytes: Buffer): FaceName | undefined {
  let font: Fontkit.Font;
  try {
    // fontkit's CommonJS build, the one pdfkit and src/layout/font-faces.ts load; only when a font is looked into
    const fontkit = require("fontkit") as typeof Fontkit;
    const opened = fontkit.create(bytes) as Fontkit.Font | Fontkit.FontCollection;
    if (!("getName" in opened)) return undefined; // a collection (.ttc): not searched
    font = opened;
  } catch {
    return undefined;
  }
  const name = (key: string) => {
    try {
      // English names (fontkit's default language), else whichever the font has
      return (font.getName(key, "en") as string | null) ?? undefined;
    } catch {
      return undefined;
    }
  };
  // typographic names (16/17) where the font has them, else the RIBBI names (1/2)
  const family = name("preferredFamily") ?? name("fontFamily");
  const subfamily = name("preferredSubfamily") ?? name("fontSubfamily");
  if (family?.trim().toLowerCase() !== "times new roman" || subfamily === undefined) return undefined;
  return SUBFAMILY_FACE[subfamily.toLowerCase().replace(/[\s_-]/g, "")];
}

/** Candidate font files under `root`, depth-first in name order, within the limits. */
async function candidates(root: string, limits: typeof SEARCH_LIMITS): Promise<string[]> {
  const found: string[] = [];
  let entries = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    let listing;
    try {
      listing = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: nothing here
    }
    listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of listing) {
      if (++entries > limits.entries || found.length >= limits.candidates) return;
      const path = join(dir, entry.name);
      // symbolic links are followed to files only (a linked folder could lead round in circles)
      if (entry.isDirectory()) {
        if (depth < limits.depth) await walk(path, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && CANDIDATE_NAME.test(entry.name)) found.push(path);
    }
  };
  await walk(root, 0);
  return found;
}

/**
 * The four Times New Roman faces, the first of each found in `dirs` (in order), or undefined unless all four
 * were found. Only files within the size limit are read.
 */
export async function findTimesNewRoman(dirs: readonly string[], limits = SEARCH_LIMITS): Promise<Record<FaceName, string> | undefined> {
  const faces: Partial<Record<FaceName, string>> = {};
  for (const dir of dirs) {
    for (const path of await candidates(dir, limits)) {
      try {
        // not a FIFO or a device: opening one may block; the size is checked again as the file is read
        const info = await stat(path);
        if (!info.isFile() || info.size > limits.fileBytes) continue;
        const read = await readBounded(path, limits.fileBytes);
        if (read.truncated) continue;
        const face = timesNewRomanFace(Buffer.from(read.bytes));
        if (face && !faces[face]) faces[face] = path;
      } catch {
        continue; // vanished or unreadable
      }
      if (FACE_NAMES.every((f) => faces[f])) return Object.fromEntries(FACE_NAMES.map((f) => [f, faces[f]!])) as Record<FaceName, string>;
    }
  }
  return undefined;
}

/** A face chosen by the search (or bundled): read within the same limit, in case it grew since. */
async function readFaceFile(path: string): Promise<Buffer> {
  const read = await readBounded(path, SEARCH_LIMITS.fileBytes);
  if (read.truncated) throw new FontDirError(`the font file ${path} holds more than ${SEARCH_LIMITS.fileBytes} bytes`);
  return Buffer.from(read.bytes);
}

async function readFaces(choice: FontChoice): Promise<FontBytes> {
  const bytes = await Promise.all(FACE_NAMES.map((face) => readFaceFile(choice.files[face])));
  const fonts = { family: choice.family, files: { ...choice.files } } as FontBytes;
  FACE_NAMES.forEach((face, i) => (fonts[face] = bytes[i]!));
  return fonts;
}

/** The bundled Tinos faces. */
export function loadTinos(): Promise<FontBytes> {
  return readFaces({ family: "Tinos", files: TINOS_PATHS });
}

export class FontDirError extends Error {}

/** Times New Roman if all four faces are found (`fontDir` first, then the system folders), else Tinos. */
export async function loadFonts(options: FontOptions = {}): Promise<FontBytes> {
  if (options.use) return readFaces(options.use);
  const dirs: string[] = [];
  if (options.fontDir !== undefined) {
    const info = await stat(options.fontDir).catch(() => undefined);
    if (!info?.isDirectory()) throw new FontDirError(`font folder not found: ${options.fontDir}`);
    dirs.push(options.fontDir);
  }
  dirs.push(...(options.systemDirs ?? systemFontDirs()));
  const found = await findTimesNewRoman(dirs);
  return found ? readFaces({ family: "Times New Roman", files: found }) : loadTinos();
}

/** What a build reports about its fonts. */
export function fontChoice(fonts: FontBytes): FontChoice {
  return { family: fonts.family, files: { ...fonts.files } };
}

/** One line for a build's summary: "fonts: Tinos (Times New Roman metrics)" or "fonts: Times New Roman from <folder>". */
export function fontSummary(fonts: FontBytes): string {
  if (fonts.family === "Tinos") return "fonts: Tinos (Times New Roman metrics)";
  const dirs = [...new Set(FACE_NAMES.map((face) => dirname(fonts.files[face])))];
  const from = dirs.length === 1 ? dirs[0]! : FACE_NAMES.map((face) => fonts.files[face]).join(", ");
  return `fonts: Times New Roman from ${from}`;
}

const fingerprints = new WeakMap<FontBytes, string>();
/** SHA-256 over the family and the four faces' bytes: part of every output's input fingerprint. */
export function fontFingerprint(fonts: FontBytes): string {
  let fingerprint = fingerprints.get(fonts);
  if (!fingerprint) {
    const hash = createHash("sha256").update(fonts.family);
    for (const face of FACE_NAMES) hash.update(face).update(fonts[face]);
    fingerprint = hash.digest("hex");
    fingerprints.set(fonts, fingerprint);
  }
  return fingerprint;
}
