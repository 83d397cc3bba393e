/** The four faces of the document font, as the text measurer and the writers name them. */
export type FaceName = "normal" | "bold" | "italics" | "bolditalics";

/** The bytes of the four faces: loaded by io/fonts.ts; layout/ and write/ never read a font file themselves. */
export type FontBytes = Record<FaceName, Buffer>;
