/** Section page properties (PAGE-SIZE, PAGE-ORIENT, PAGE-MARGIN) and the text width they leave. */
import { PageOrientation, type ISectionPropertiesOptions } from "docx";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { mmToTwips } from "../../layout/units.ts";

type Orientation = "portrait" | "landscape";

/** Margins rounded, not floored (30 mm = 1701 twips, not 1700). */
function marginsTwips(layout: ProfileLayout) {
  const { marginMm, headerMm, footerMm } = layout.page;
  return {
    top: mmToTwips(marginMm.top),
    bottom: mmToTwips(marginMm.bottom),
    left: mmToTwips(marginMm.left),
    right: mmToTwips(marginMm.right),
    header: mmToTwips(headerMm),
    footer: mmToTwips(footerMm),
  };
}

/** Width between the left and right margins, in twips, as the page is read. */
export function textWidthTwips(layout: ProfileLayout, orientation: Orientation): number {
  const { widthMm, heightMm } = layout.page;
  const margins = marginsTwips(layout);
  return mmToTwips(orientation === "portrait" ? widthMm : heightMm) - margins.left - margins.right;
}

/**
 * A4 in either orientation. For landscape docx wants the portrait size plus LANDSCAPE and swaps it itself
 * (proto §2). PAGE-MARGIN: landscape sections keep the same margins on the page as read.
 * PAGE-NUM: `titlePage` gives page 1 its own (empty) header and footer.
 */
export function sectionProperties(layout: ProfileLayout, orientation: Orientation, restartNumbering: boolean): ISectionPropertiesOptions {
  return {
    titlePage: true,
    page: {
      size: {
        width: mmToTwips(layout.page.widthMm),
        height: mmToTwips(layout.page.heightMm),
        orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: marginsTwips(layout),
      ...(restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}
