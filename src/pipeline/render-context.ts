import { TextMeasurer } from "../layout/measure.ts";
import { profileLayout } from "../layout/profiles.ts";
import type { Profile } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";
import { loadFonts, type FontOptions } from "../io/fonts.ts";

/** Loads the fonts once (Times New Roman if found, else Tinos: io/fonts.ts) and builds what every renderer receives. */
export async function createRenderContext(profile: Profile, fontOptions: FontOptions = {}): Promise<RenderContext> {
  const fonts = await loadFonts(fontOptions);
  return { layout: profileLayout(profile), fonts, measurer: new TextMeasurer(fonts), toolName: "vanban" };
}
