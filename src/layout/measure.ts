import type * as Fontkit from "fontkit";
import type { FaceName, FontBytes } from "./font-bytes.ts";
import { parsedFace } from "./font-faces.ts";

export interface MeasureStyle {
  bold?: boolean;
  italic?: boolean;
  /** pdfkit kerns (PDF widths); Word does not unless asked (DOCX widths). */
  kern?: boolean;
}

/**
 * Text widths with Tinos metrics (= Times New Roman). Faces are parsed once per thread (layout/font-faces.ts)
 * and word widths cached.
 */
export class TextMeasurer {
  private readonly cache = new Map<string, number>();

  constructor(private readonly fonts: FontBytes) {}

  private face(name: FaceName): Fontkit.Font {
    return parsedFace(this.fonts[name]);
  }

  /** Width in points of `text` at `sizePt`. */
  widthPt(text: string, sizePt: number, style: MeasureStyle = {}): number {
    const faceName: FaceName = style.bold ? (style.italic ? "bolditalics" : "bold") : style.italic ? "italics" : "normal";
    const key = `${faceName}|${style.kern ? 1 : 0}|${text}`;
    let units = this.cache.get(key);
    if (units === undefined) {
      const face = this.face(faceName);
      const features = style.kern ? undefined : ({ kern: false, liga: false } as unknown as string[]);
      const run = face.layout(text.normalize("NFC"), features);
      units = run.advanceWidth / face.unitsPerEm;
      this.cache.set(key, units);
    }
    return units * sizePt;
  }

  /** The ascender of a face per point of size: how far below a line's top its baseline sits. */
  ascenderEm(style: MeasureStyle = {}): number {
    const face = this.face(style.bold ? (style.italic ? "bolditalics" : "bold") : style.italic ? "italics" : "normal");
    return face.ascent / face.unitsPerEm;
  }

  /** The height of one line of text per point of size at single spacing (ascender to descender). */
  lineHeightEm(): number {
    const face = this.face("normal");
    return (face.ascent - face.descent) / face.unitsPerEm;
  }

  /** Greedy word wrap: the number of lines `text` takes in a box `widthPt` wide. */
  lineCount(text: string, sizePt: number, widthPt: number, style: MeasureStyle = {}): number {
    let lines = 0;
    for (const paragraph of text.split("\n")) {
      const space = this.widthPt(" ", sizePt, style);
      let used = 0;
      lines++;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const w = this.widthPt(word, sizePt, style);
        if (used > 0 && used + space + w > widthPt) {
          lines += 1 + Math.floor(w / widthPt);
          used = w % widthPt;
        } else if (used === 0 && w > widthPt) {
          lines += Math.floor(w / widthPt);
          used = w % widthPt;
        } else used += (used > 0 ? space : 0) + w;
      }
    }
    return lines;
  }
}
