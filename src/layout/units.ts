/** Unit conversions, rounded explicitly in one place (docx's convertMillimetersToTwip floors: 20 mm → 1133). */
export const TWIPS_PER_PT = 20;
export const PT_PER_INCH = 72;
export const MM_PER_INCH = 25.4;

export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / MM_PER_INCH);
export const mmToPt = (mm: number): number => (mm * PT_PER_INCH) / MM_PER_INCH;
export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);
export const twipsToPt = (twips: number): number => twips / TWIPS_PER_PT;
/** OOXML run sizes are half-points. */
export const ptToHalfPt = (pt: number): number => Math.round(pt * 2);
