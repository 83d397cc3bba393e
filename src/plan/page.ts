/** Page setup (PAGE-SIZE, PAGE-ORIENT, PAGE-MARGIN) and numbering (PAGE-NUM) of a section, from the profile. */
import type { ProfileLayout } from "../layout/profiles.ts";
import { mmToPt } from "../layout/units.ts";
import type { PageNumbering, PageSetup } from "./nodes.ts";

export function pageSetup(layout: ProfileLayout, orientation: PageSetup["orientation"]): PageSetup {
  const { widthMm, heightMm, marginMm, headerMm, footerMm } = layout.page;
  const portrait = orientation === "portrait";
  return {
    orientation,
    widthPt: mmToPt(portrait ? widthMm : heightMm),
    heightPt: mmToPt(portrait ? heightMm : widthMm),
    // PAGE-MARGIN: a landscape section keeps the same margins on the page as read
    marginsPt: {
      top: mmToPt(marginMm.top),
      bottom: mmToPt(marginMm.bottom),
      left: mmToPt(marginMm.left),
      right: mmToPt(marginMm.right),
      header: mmToPt(headerMm),
      footer: mmToPt(footerMm),
    },
  };
}

export function pageNumbering(layout: ProfileLayout, restart: boolean): PageNumbering {
  return { position: layout.pageNumber.position, sizePt: layout.pageNumber.sizePt, restart };
}

export const textWidthPt = (page: PageSetup): number => page.widthPt - page.marginsPt.left - page.marginsPt.right;
export const textHeightPt = (page: PageSetup): number => page.heightPt - page.marginsPt.top - page.marginsPt.bottom;
