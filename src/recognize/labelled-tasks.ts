/**
 * Tasks a plan assigns in its text, as labelled lines under each item ("- Đơn vị chủ trì: Vụ …", "- Đơn vị
 * phối hợp: …", "- Thời gian thực hiện: …"), not in an appendix table. The model keeps such a body as text
 * only, so no letter would list these tasks: the import says so, with how many there are and where the first
 * one stands, rather than build a plan whose letters silently leave them out.
 */
import type { RecognizeContext } from "./context.ts";
import { oneLine } from "./source-lines.ts";

const LABELLED_LEAD = /^[-–+•*]?\s*(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện chính)(?:\s+thực hiện)?\s*:/iu;

export function reportLabelledTasks(ctx: RecognizeContext): void {
  const found = ctx.items.flatMap((item, index) => (item.block.kind === "paragraph" && LABELLED_LEAD.test(oneLine(item.block)) ? [index] : []));
  if (found.length > 0) ctx.report("recognize/labelled-tasks", { count: found.length }, ctx.locate(found[0]!));
}
