/**
 * The fonts as the text measurer and the writers receive them: the bytes of the four faces and the family they
 * are. Loaded by io/fonts.ts; layout/ and write/ never read a font file themselves.
 */
export type FaceName = "normal" | "bold" | "italics" | "bolditalics";
export type FontFamily = "Times New Roman" | "Tinos";

/** The bytes of the four faces, the family they are, and the files they were read from. */
export type FontBytes = Record<FaceName, Buffer> & {
  family: FontFamily;
  files: Record<FaceName, string>;
};
