/**
 * The numbers of each rule profile of spec/layout.md, as data: used by the renderers (DOCX, XLSX, PDF)
 * and by the checker. Values are chosen inside the spec's ranges; each range is kept beside the value
 * so the checker tests the range and the renderer uses the value.
 */
import type { Profile } from "../model/schema.ts";

export interface Range {
  min: number;
  max: number;
}

export interface ProfileLayout {
  id: Profile;
  /** Human name written into file metadata. */
  ruleSet: string;
  page: {
    /** A4 portrait, PAGE-SIZE */
    widthMm: 210;
    heightMm: 297;
    /** PAGE-MARGIN (the values used) */
    marginMm: { top: number; bottom: number; left: number; right: number };
    marginRangeMm: { top: Range; bottom: Range; left: Range; right: Range };
    headerMm: number;
    footerMm: number;
    /** PAGE-SIZE tolerance of the checker: Word 2003 wrote A4 as 11907 × 16840 twips */
    sizeToleranceTwips: number;
  };
  /** PAGE-NUM: where the page number goes; never on page 1. */
  pageNumber: { position: "top-center" | "bottom-right"; sizePt: number; sizeRangePt: Range };
  font: { family: "Times New Roman"; color: "000000" };
  header: {
    /** HDR-ISSUER / HDR-PARENT */
    issuerSizePt: number;
    /** HDR-QH */
    nationalNameSizePt: number;
    /** HDR-TN */
    mottoSizePt: number;
    /** HDR-NUMBER */
    numberSizePt: number;
    /** HDR-DATE */
    dateSizePt: number;
    /** left column share of the text width (≈ 40 %) */
    leftColumnShare: number;
    /** HDR-ISSUER-LINE and TITLE-LINE: share of the text width above */
    shortLineShare: number;
    shortLineShareRange: Range;
    /** HDR-TN-LINE tolerance: ±5 % of the motto width */
    mottoLineTolerance: number;
    sizeRangePt: { issuer: Range; nationalName: Range; motto: Range; number: Range; date: Range };
  };
  title: { typeSizePt: number; subjectSizePt: number; sizeRangePt: Range; vvSizePt: number; vvSpaceBeforePt: number; vvSizeRangePt: Range };
  body: {
    sizePt: number;
    sizeRangePt: Range;
    /** BODY-PARA first-line indent: 1 cm or 1.27 cm */
    firstLineIndentMm: number;
    firstLineIndentTwipsAllowed: readonly number[];
    /** ≥ 6 pt between paragraphs */
    spaceAfterPt: number;
    minSpaceBetweenPt: number;
    /** line spacing, 240 = single; auto 240–360 */
    lineAuto240: number;
    lineAutoRange: Range;
    /** TT01 also allows line spacing "exactly ≥ 15 pt"; null where only auto spacing is allowed */
    exactLineMinPt: number | null;
  };
  signature: {
    sizePt: number;
    sizeRangePt: Range;
    nameGapLines: number;
    /** SIGN-NAME: the least space above the name for signing and the seal (checker) */
    minSigningSpacePt: number;
  };
  recipients: { labelSizePt: number; itemSizePt: number };
  /** RECIP-KG: "Kính gửi:" at the body size */
  addressee: { sizePt: number };
  /**
   * Vertical gaps between the parts, in points. Not fixed by ND30/TT01; taken from the ND30 Phụ lục III
   * templates (practice): up to about one blank line between the blocks.
   */
  gaps: {
    /** between the header grid's first row (issuer | Quốc hiệu) and the "Số:" / date row */
    beforeNumberRow: number;
    /** between the header grid and the type line ("QUYẾT ĐỊNH") */
    beforeTitle: number;
    /** between the TITLE-LINE and the authority line */
    beforeAuthority: number;
    /** around "QUYẾT ĐỊNH:" (BODY-DECIDES) */
    aroundDecides: number;
    /** around "Kính gửi:" (RECIP-KG) */
    aroundAddressee: number;
    /** between the last paragraph and the signature / Nơi nhận */
    beforeClosing: number;
    /** between the appendix's short line (APX-REF) and its table */
    beforeAppendixTable: number;
  };
  /** The solid lines under the issuer, the Tiêu ngữ and the titles: one stroke for every writer. */
  rules: { strokePt: number; gapAbovePt: number };
  /** The borderless grids (header, closing): padding inside each column. */
  grid: { cellPaddingPt: number };
  /** Ruled tables (appendix, letters' task tables). */
  table: { paddingPt: { x: number; y: number }; strokePt: number };
  appendix: {
    orientation: "landscape";
    headingSizePt: number;
    titleSizePt: number;
    referenceSizePt: number;
    tableSizePt: number;
    tableSizeRangePt: Range;
    /** PAGE-ORIENT (practice): an appendix table this wide or wider goes on a landscape page */
    landscapeFromColumns: number;
    /** APX-HEAD, APX-TITLE, APX-REF ranges */
    headingSizeRangePt: Range;
    titleSizeRangePt: Range;
    referenceSizeRangePt: Range;
  };
}

const base: Omit<ProfileLayout, "id" | "ruleSet" | "pageNumber"> = {
  page: {
    widthMm: 210,
    heightMm: 297,
    marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
    marginRangeMm: { top: { min: 20, max: 25 }, bottom: { min: 20, max: 25 }, left: { min: 30, max: 35 }, right: { min: 15, max: 20 } },
    headerMm: 10,
    footerMm: 10,
    sizeToleranceTwips: 3,
  },
  font: { family: "Times New Roman", color: "000000" },
  header: {
    issuerSizePt: 13,
    nationalNameSizePt: 12,
    mottoSizePt: 13,
    numberSizePt: 13,
    dateSizePt: 14,
    leftColumnShare: 0.38,
    shortLineShare: 0.4,
    shortLineShareRange: { min: 1 / 3, max: 1 / 2 },
    mottoLineTolerance: 0.05,
    sizeRangePt: {
      issuer: { min: 12, max: 13 },
      nationalName: { min: 12, max: 13 },
      motto: { min: 13, max: 14 },
      number: { min: 13, max: 13 },
      date: { min: 13, max: 14 },
    },
  },
  title: { typeSizePt: 14, subjectSizePt: 14, sizeRangePt: { min: 13, max: 14 }, vvSizePt: 12, vvSpaceBeforePt: 6, vvSizeRangePt: { min: 12, max: 13 } },
  body: {
    sizePt: 14,
    sizeRangePt: { min: 13, max: 14 },
    firstLineIndentMm: 12.7,
    firstLineIndentTwipsAllowed: [567, 720],
    spaceAfterPt: 6,
    minSpaceBetweenPt: 6,
    lineAuto240: 264,
    lineAutoRange: { min: 240, max: 360 },
    exactLineMinPt: null,
  },
  signature: { sizePt: 14, sizeRangePt: { min: 13, max: 14 }, nameGapLines: 4, minSigningSpacePt: 28 },
  recipients: { labelSizePt: 12, itemSizePt: 11 },
  addressee: { sizePt: 14 },
  gaps: { beforeNumberRow: 6, beforeTitle: 18, beforeAuthority: 12, aroundDecides: 6, aroundAddressee: 12, beforeClosing: 12, beforeAppendixTable: 12 },
  // 0.75 pt: a DOCX border is in eighths of a point (6), so the PDF draws the same stroke
  rules: { strokePt: 0.75, gapAbovePt: 4 },
  grid: { cellPaddingPt: 5.4 },
  table: { paddingPt: { x: 4, y: 2 }, strokePt: 0.5 },
  appendix: {
    orientation: "landscape",
    headingSizePt: 14,
    titleSizePt: 13,
    referenceSizePt: 13,
    tableSizePt: 12,
    tableSizeRangePt: { min: 12, max: 13 },
    landscapeFromColumns: 6,
    headingSizeRangePt: { min: 14, max: 14 },
    titleSizeRangePt: { min: 13, max: 14 },
    referenceSizeRangePt: { min: 13, max: 14 },
  },
};

export const PROFILES: Record<Profile, ProfileLayout> = {
  nd30: { ...base, id: "nd30", ruleSet: "Nghị định 30/2020/NĐ-CP", pageNumber: { position: "top-center", sizePt: 13, sizeRangePt: { min: 13, max: 14 } } },
  tt01: {
    ...base,
    id: "tt01",
    ruleSet: "Thông tư 01/2011/TT-BNV",
    pageNumber: { position: "bottom-right", sizePt: 13, sizeRangePt: { min: 13, max: 14 } },
    // TT01: line spacing may also be "exactly ≥ 15 pt"
    body: { ...base.body, exactLineMinPt: 15 },
  },
};

export function profileLayout(profile: Profile): ProfileLayout {
  return PROFILES[profile];
}
