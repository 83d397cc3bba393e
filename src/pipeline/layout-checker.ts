/**
 * Runs `vanban check` on every DOCX a build renders (the decision, each letter). On a machine with a core to
 * spare the checks run on one worker thread while this thread goes on rendering: the check loads only the
 * XML parser, the DOCX writer and the font metrics, so unlike a packet worker (pdfmake, exceljs) it pays for
 * itself at once. The thread writes the DOCX too (`write`: the plan in, the bytes and their check out) while
 * this one writes the PDF and the workbook, so the two cores share a build about evenly. Results do not
 * depend on the thread: the same pure functions write and check the same plans.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkDocx } from "../check/check-docx.ts";
import { checkDiagnostics } from "../check/diagnostics.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DocumentPlan } from "../plan/nodes.ts";
import { fontChoice } from "../io/fonts.ts";
import type { RenderContext } from "../write/context.ts";
import type { CheckAnswer, CheckJob, CheckReply, CheckTask, CheckWorkerData } from "./check-worker.ts";
import { checkedDocxOf, type CheckedDocx } from "./render-documents.ts";

export interface LayoutChecker {
  /** the error and warning diagnostics of the DOCX at `file` (the path printed in them) */
  check(docx: Uint8Array, file: string): Promise<Diagnostic[]>;
  /**
   * `plan` written as DOCX and checked, on the checker's thread; absent where the checks run in this thread
   * (the renderers then write the DOCX here, and `check` reads it)
   */
  write?(plan: DocumentPlan): Promise<CheckedDocx>;
  close(): Promise<void>;
}

/** The checks of documents of the context's profile, in this thread. */
class InThreadChecker implements LayoutChecker {
  constructor(private readonly ctx: RenderContext) {}
  async check(docx: Uint8Array, file: string): Promise<Diagnostic[]> {
    return checkDiagnostics(checkDocx(docx, { profile: this.ctx.layout.id, measurer: this.ctx.measurer }), file);
  }
  async close(): Promise<void> {}
}

/** The checks on a thread of their own, started by the first document to check: a rebuild that renders nothing starts none. */
class WorkerChecker implements LayoutChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (reply: CheckAnswer) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(private readonly data: CheckWorkerData) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./check-worker.js", import.meta.url), { workerData: this.data });
    worker.on("message", (reply: CheckReply) => {
      const waiting = this.pending.get(reply.id)!;
      this.pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the layout-check thread stopped (exit code ${code})`)));
    return (this.worker = worker);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private ask(task: CheckTask): Promise<CheckAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // copied: the caller goes on to write the bytes, or to render the plan as PDF
      this.started().postMessage({ ...task, id } satisfies CheckJob);
    });
  }

  async check(docx: Uint8Array, file: string): Promise<Diagnostic[]> {
    const reply = await this.ask({ kind: "check", docx });
    return checkDiagnostics(reply.report, file);
  }

  async write(plan: DocumentPlan): Promise<CheckedDocx> {
    const reply = await this.ask({ kind: "write", plan });
    return checkedDocxOf(reply.docx!, reply.report);
  }

  async close(): Promise<void> {
    this.failure ??= new Error("the layout checker is closed");
    await this.worker?.terminate();
  }
}

/** A checker of the documents rendered with `ctx` (its profile's rules, its fonts' metrics). */
export function createLayoutChecker(ctx: RenderContext): LayoutChecker {
  // A worker runs compiled JavaScript; under tsx or vitest (sources in .ts) the checks run in this thread.
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || availableParallelism() < 2) return new InThreadChecker(ctx);
  return new WorkerChecker({ profile: ctx.layout.id, fonts: fontChoice(ctx.fonts), toolName: ctx.toolName });
}
