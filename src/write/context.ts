import type { FontBytes } from "../layout/font-bytes.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { TextMeasurer } from "../layout/measure.ts";

/** What a renderer receives besides the model: no fs, clock or env inside renderers. */
export interface RenderContext {
  layout: ProfileLayout;
  fonts: FontBytes;
  measurer: TextMeasurer;
  /** Written into file metadata (creator/producer). */
  toolName: string;
}
