/** Every layout rule, keyed by its spec id; the report lists them in the spec's order. */
import type { LayoutRuleId } from "../report.ts";
import { APPENDIX_RULES } from "./appendix.ts";
import { ARTICLE_RULES } from "./body-articles.ts";
import { BODY_RULES } from "./body.ts";
import { CLOSING_RULES } from "./closing.ts";
import { FONT_RULES } from "./font.ts";
import { HEADER_NUMBER_RULES } from "./header-number.ts";
import { HEADER_RULES } from "./header.ts";
import type { LayoutRule } from "./outcome.ts";
import { PAGE_NUMBER_RULES } from "./page-number.ts";
import { PAGE_RULES } from "./page.ts";
import { TITLE_RULES } from "./title.ts";

const ALL: readonly LayoutRule[] = [
  ...PAGE_RULES,
  ...FONT_RULES,
  ...PAGE_NUMBER_RULES,
  ...HEADER_RULES,
  ...HEADER_NUMBER_RULES,
  ...TITLE_RULES,
  ...BODY_RULES,
  ...ARTICLE_RULES,
  ...CLOSING_RULES,
  ...APPENDIX_RULES,
];

export const RULES_BY_ID: ReadonlyMap<LayoutRuleId, LayoutRule> = new Map(ALL.map((rule) => [rule.id, rule]));
