/**
 * Runs `vanban check` on every DOCX a build renders (the decision, each letter). On a machine with a core to
 * spare the checks run on one worker thread while this thread goes on rendering: the check loads only the
 * XML parser and the font metrics, so unlike a packet worker it pays for itself at once (the 42 seed DOCX
 * take about 2 s to check). Results do not depend on the thread: the same function checks the same bytes.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { checkDocx } from "../check/check-docx.ts";
import { checkDiagnostics } from "../check/diagnostics.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { fontChoice } from "../io/fonts.ts";
import type { Profile } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";
import type { CheckJob, CheckReply, CheckWorkerData } from "./check-worker.ts";

export interface LayoutChecker {
  /** the error and warning diagnostics of the DOCX at `file` (the path printed in them) */
  check(docx: Uint8Array, file: string): Promise<Diagnostic[]>;
  /** true when the checks run on a worker thread */
  readonly threaded: boolean;
  close(): Promise<void>;
}

class InThreadChecker implements LayoutChecker {
  readonly threaded = false;
  constructor(
    private readonly profile: Profile,
    private readonly ctx: RenderContext,
  ) {}
  async check(docx: Uint8Array, file: string): Promise<Diagnostic[]> {
    return checkDiagnostics(checkDocx(docx, { profile: this.profile, measurer: this.ctx.measurer }), file);
  }
  async close(): Promise<void> {}
}

class WorkerChecker implements LayoutChecker {
  readonly threaded = true;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(data: CheckWorkerData) {
    this.worker = new Worker(new URL("./check-worker.js", import.meta.url), { workerData: data });
    this.worker.on("message", (reply: CheckReply) => {
      const waiting = this.pending.get(reply.id)!;
      this.pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.diagnostics);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the layout-check thread stopped (exit code ${code})`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  check(docx: Uint8Array, file: string): Promise<Diagnostic[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // a copy: the caller goes on to write these bytes
      this.worker.postMessage({ id, docx, file } satisfies CheckJob);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("the layout checker is closed");
    await this.worker.terminate();
  }
}

export function createLayoutChecker(profile: Profile, ctx: RenderContext): LayoutChecker {
  // A worker runs compiled JavaScript; under tsx or vitest (sources in .ts) the checks run in this thread.
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || availableParallelism() < 2) return new InThreadChecker(profile, ctx);
  return new WorkerChecker({ profile, fonts: fontChoice(ctx.fonts) });
}
