/** File and folder names of a build, all ASCII slugs: no diacritics, no separators, no way out of the output folder. */
import type { Decision } from "../model/schema.ts";
import { slugify } from "../model/text.ts";
import type { Agency } from "../resolve/directory-schema.ts";
import type { OutputFormat } from "./formats.ts";

/** "qd-503-2013" from type code, number and year; a draft without a number: "kh-du-thao-2025". */
export function documentSlug(decision: Decision): string {
  return slugify(`${decision.document.typeCode}-${decision.document.number || "du-thao"}-${decision.document.date.slice(0, 4)}`);
}

export const decisionFileName = (decision: Decision, format: OutputFormat) => `${documentSlug(decision)}.${format}`;
export const appendixXlsxName = (decision: Decision) => `${documentSlug(decision)}-phu-luc.xlsx`;
export const PACKETS_DIR = "packets";
export const MANIFEST_NAME = "manifest.json";

/** Device names Windows reserves in every folder, with any extension: a folder "con" cannot be made or opened there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * Unique folder name per agency: "so-noi-vu", "ubnd-thanh-pho-tam-ky"; a clash gets "-2", "-3"; a name Windows
 * reserves (an agency called "Con") becomes "co-quan-con".
 */
export function agencySlugs(agencies: readonly Agency[]): Map<string, string> {
  const used = new Set<string>();
  const slugs = new Map<string, string>();
  for (const agency of agencies) {
    const name = slugify(agency.name);
    const base = WINDOWS_RESERVED.test(name) ? `co-quan-${name}` : name;
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(agency.id, slug);
  }
  return slugs;
}

export const letterFileName = (agencySlug: string, format: OutputFormat) => `cong-van-${agencySlug}.${format}`;
export const agencyXlsxName = (agencySlug: string) => `phu-luc-${agencySlug}.xlsx`;
/** The model a build was made from, kept beside its outputs for `vanban diff --against` and CHANGES.md. */
export const MODEL_SNAPSHOT_NAME = "model.yaml";
export const CHANGES_NAME = "CHANGES.md";
