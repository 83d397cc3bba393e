import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FACE_NAMES,
  findTimesNewRoman,
  fontFingerprint,
  fontSummary,
  loadFonts,
  loadTinos,
  SEARCH_LIMITS,
  systemFontDirs,
  timesNewRomanFace,
  TINOS_PATHS,
} from "../../../src/io/fonts.ts";
import type { FaceName } from "../../../src/layout/font-bytes.ts";
import { TextMeasurer } from "../../../src/layout/measure.ts";
import { registeredFamily, renderPdf } from "../../../src/write/pdf/pdfmake-runtime.ts";
import { fakeTimesNewRoman, WINDOWS_FILE_NAMES } from "../../support/fake-fonts.ts";
import { readPdfObjects } from "../../support/pdf-text.ts";

let scratch: string;
/** A new folder under the scratch folder. */
async function folder(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  return dir;
}
/** Writes the four fake Times New Roman faces into `dir` (all, or those given). */
async function writeTimes(dir: string, faces: readonly FaceName[] = FACE_NAMES, names: Record<FaceName, string> = WINDOWS_FILE_NAMES): Promise<void> {
  for (const face of faces) await writeFile(path.join(dir, names[face]), fakeTimesNewRoman(face));
}
const NONE: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "vanban-fonts-"));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("timesNewRomanFace", () => {
  it("takes a face by the names inside the file", async () => {
    for (const face of FACE_NAMES) expect(timesNewRomanFace(fakeTimesNewRoman(face))).toBe(face);
  });

  it("refuses Tinos, and bytes that are no font", async () => {
    expect(timesNewRomanFace(await readFile(TINOS_PATHS.normal))).toBeUndefined();
    expect(timesNewRomanFace(Buffer.from("not a font at all"))).toBeUndefined();
    expect(timesNewRomanFace(Buffer.alloc(0))).toBeUndefined();
  });
});

describe("loadFonts", () => {
  it("uses Times New Roman when all four faces are in the font folder, whatever the files are called", async () => {
    const dir = await folder("tnr-mac-names");
    await writeTimes(dir, FACE_NAMES, {
      normal: "Times New Roman.ttf",
      bold: "Times New Roman Bold.ttf",
      italics: "Times New Roman Italic.ttf",
      bolditalics: "Times New Roman Bold Italic.ttf",
    });
    const fonts = await loadFonts({ fontDir: dir, systemDirs: NONE });
    expect(fonts.family).toBe("Times New Roman");
    expect(fonts.files.bolditalics).toBe(path.join(dir, "Times New Roman Bold Italic.ttf"));
    for (const face of FACE_NAMES) expect(fonts[face].equals(await readFile(fonts.files[face]))).toBe(true);
    expect(fontSummary(fonts)).toBe(`fonts: Times New Roman from ${dir}`);
  });

  it("does not take Tinos renamed times.ttf … for Times New Roman: its own family name is Tinos", async () => {
    const dir = await folder("tinos-renamed");
    for (const face of FACE_NAMES) await copyFile(TINOS_PATHS[face], path.join(dir, WINDOWS_FILE_NAMES[face]));
    const fonts = await loadFonts({ fontDir: dir, systemDirs: NONE });
    expect(fonts.family).toBe("Tinos");
    expect(fonts.files).toEqual(TINOS_PATHS);
    expect(fontSummary(fonts)).toBe("fonts: Tinos (Times New Roman metrics)");
  });

  it("skips a file that only looks like a font, and takes the real face found after it", async () => {
    const dir = await folder("fake-file");
    await writeTimes(dir, ["bold", "italics", "bolditalics"]);
    await writeFile(path.join(dir, "times.ttf"), "this is not a font");
    expect((await loadFonts({ fontDir: dir, systemDirs: NONE })).family).toBe("Tinos");
    const later = await folder("fake-file/z-later");
    await writeTimes(later, ["normal"], { ...WINDOWS_FILE_NAMES, normal: "times-regular.ttf" });
    const fonts = await loadFonts({ fontDir: dir, systemDirs: NONE });
    expect(fonts.family).toBe("Times New Roman");
    expect(fonts.files.normal).toBe(path.join(later, "times-regular.ttf"));
  });

  it("falls back to Tinos unless all four faces are found", async () => {
    const dir = await folder("three-faces");
    await writeTimes(dir, ["normal", "bold", "italics"]);
    const fonts = await loadFonts({ fontDir: dir, systemDirs: NONE });
    expect(fonts.family).toBe("Tinos");
    expect(fonts.normal.equals(await readFile(TINOS_PATHS.normal))).toBe(true);
    // nothing anywhere (folders that do not exist are nothing)
    expect((await loadFonts({ systemDirs: [path.join(scratch, "missing")] })).family).toBe("Tinos");
  });

  it("searches the font folder first, then the system folders in order", async () => {
    const first = await folder("order/first");
    const second = await folder("order/second");
    await writeTimes(first, ["normal", "bold"]);
    await writeTimes(second);
    const fonts = await loadFonts({ fontDir: first, systemDirs: [second] });
    expect(fonts.files.normal).toBe(path.join(first, "times.ttf"));
    expect(fonts.files.bolditalics).toBe(path.join(second, "timesbi.ttf"));
    expect(fontSummary(fonts)).toBe(`fonts: Times New Roman from ${Object.values(fonts.files).join(", ")}`);
  });

  it("refuses a font folder that does not exist", async () => {
    await expect(loadFonts({ fontDir: path.join(scratch, "no-such-folder"), systemDirs: NONE })).rejects.toThrow(/font folder not found/);
  });

  it("loads exactly the files it is told to use (a worker thread loading the main thread's choice)", async () => {
    const dir = await folder("use");
    await writeTimes(dir);
    const chosen = await loadFonts({ fontDir: dir, systemDirs: NONE });
    const again = await loadFonts({ use: { family: chosen.family, files: chosen.files } });
    expect(again.family).toBe("Times New Roman");
    for (const face of FACE_NAMES) expect(again[face].equals(chosen[face])).toBe(true);
  });
});

describe("findTimesNewRoman limits", () => {
  it("goes no deeper than the depth limit", async () => {
    const deep = await folder("deep/a/b/c");
    await writeTimes(deep);
    const root = path.join(scratch, "deep");
    expect(await findTimesNewRoman([root], { ...SEARCH_LIMITS, depth: 2 })).toBeUndefined();
    expect(await findTimesNewRoman([root], { ...SEARCH_LIMITS, depth: 3 })).toBeDefined();
  });

  it("skips files over the size limit and stops after the entry limit", async () => {
    const dir = await folder("limits");
    await writeTimes(dir);
    const size = fakeTimesNewRoman("normal").length;
    expect(await findTimesNewRoman([dir], { ...SEARCH_LIMITS, fileBytes: size - 1 })).toBeUndefined();
    expect(await findTimesNewRoman([dir], { ...SEARCH_LIMITS, entries: 3 })).toBeUndefined();
    expect(await findTimesNewRoman([dir], SEARCH_LIMITS)).toBeDefined();
  });
});

describe("systemFontDirs", () => {
  it("holds the usual folders of Linux, the user, Windows (%WINDIR%) and macOS, in that order", () => {
    const dirs = systemFontDirs({ WINDIR: "D:\\Win" }, "/home/u");
    expect(dirs.slice(0, 4)).toEqual(["/usr/share/fonts", "/usr/local/share/fonts", "/home/u/.fonts", "/home/u/.local/share/fonts"]);
    expect(dirs).toContain(path.join("D:\\Win", "Fonts"));
    expect(dirs).toContain("C:\\Windows\\Fonts");
    expect(dirs.slice(-3)).toEqual(["/Library/Fonts", "/home/u/Library/Fonts", "/System/Library/Fonts"]);
  });
});

describe("the fonts chosen are the fonts embedded and measured", () => {
  const definition = {
    version: "1.7" as const,
    info: { title: "t", creationDate: new Date(Date.UTC(2013, 1, 6)), modDate: new Date(Date.UTC(2013, 1, 6)) },
    content: [{ text: "Ủy ban nhân dân tỉnh Quảng Nam " }, { text: "Quyết định", bold: true }, { text: "số 503", italics: true }, { text: "năm 2013", bold: true, italics: true }],
  };

  it("embeds Times New Roman under its own name, registered as a Times New Roman family, never as Tinos", async () => {
    const dir = await folder("embed");
    await writeTimes(dir);
    const fonts = await loadFonts({ fontDir: dir, systemDirs: NONE });
    expect(registeredFamily(fonts)).toMatch(/^TimesNewRoman-[0-9a-f]{16}$/);
    expect(registeredFamily(await loadTinos())).toMatch(/^Tinos-[0-9a-f]{16}$/);
    const pdf = await renderPdf(definition, fonts);
    const names = [...readPdfObjects(pdf).values()].flatMap((o) => /\/FontName \/[A-Z]{6}\+(\S+)/.exec(o.dict)?.[1] ?? []).sort();
    expect(names).toEqual(["TimesNewRomanPS-BoldItalicMT", "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT", "TimesNewRomanPSMT"]);
    // the measurer reads the same bytes
    const measurer = new TextMeasurer(fonts);
    expect(measurer.widthPt("Quảng Nam", 13)).toBeGreaterThan(0);
    expect(fontFingerprint(fonts)).not.toBe(fontFingerprint(await loadTinos()));
  });

  it("REPRO: the same font bytes, loaded twice, give byte-identical PDFs", async () => {
    const dir = await folder("repro");
    await writeTimes(dir);
    const [a, b] = [await loadFonts({ fontDir: dir, systemDirs: NONE }), await loadFonts({ fontDir: dir, systemDirs: NONE })];
    // two loads, two buffers (identity: a failed toBe would compare their bytes one by one)
    expect(a.normal === b.normal).toBe(false);
    expect(fontFingerprint(a)).toBe(fontFingerprint(b));
    // (each font set loaded is registered with pdfmake anew, which costs a second or so: one pair is enough)
    expect(Buffer.from(await renderPdf(definition, a)).equals(Buffer.from(await renderPdf(definition, b)))).toBe(true);
  });
});
