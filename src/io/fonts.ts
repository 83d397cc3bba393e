import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type FaceName = "normal" | "bold" | "italics" | "bolditalics";

/** Tinos: metric-compatible with Times New Roman (OFL). The package's index.js is Expo-only, so resolve the files. */
export const TINOS_PATHS: Record<FaceName, string> = {
  normal: require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf"),
  italics: require.resolve("@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf"),
  bolditalics: require.resolve("@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf"),
};

export type FontBytes = Record<FaceName, Buffer>;

export async function loadTinos(): Promise<FontBytes> {
  const entries = await Promise.all(
    (Object.keys(TINOS_PATHS) as FaceName[]).map(async (face) => [face, await readFile(TINOS_PATHS[face])] as const),
  );
  return Object.fromEntries(entries) as FontBytes;
}
