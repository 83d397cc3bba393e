/**
 * Renders the assignment letters, in this thread or spread over worker threads (one pdfmake instance
 * each). Output bytes do not depend on which thread rendered a letter.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { composeLetterText } from "../letters/letter-text.ts";
import { loadLetterWording, TemplateError, templateErrorDiagnostic, type LetterWording } from "../letters/templates.ts";
import type { AgencyAssignment } from "../model/assignments.ts";
import type { Decision } from "../model/schema.ts";
import type { RenderContext } from "../render/context.ts";
import type { LetterJob, LetterReply, LetterWorkerData } from "./letter-worker.ts";
import { sha256 } from "./manifest.ts";

export type Progress = ((stage: string, done: number, total: number) => void) | undefined;

export interface LetterRenderer {
  /** SHA-256 of the wording (templates): part of every packet's input fingerprint */
  readonly fingerprint: string;
  render(decision: Decision, assignments: readonly AgencyAssignment[], onProgress?: Progress): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

/** Below this many letters, starting workers (each loads pdfmake and parses fonts) costs more than it saves. */
export const MIN_LETTERS_PER_WORKER = 12;

/**
 * Composes every letter's wording before rendering: a template that fails on some agency's data (strict
 * mode) becomes a TemplateError here, in this thread, rather than a bare message from a worker.
 */
function checkWording(decision: Decision, assignments: readonly AgencyAssignment[], wording: LetterWording): void {
  for (const assignment of assignments) composeLetterText(decision, assignment, wording);
}

class InProcessLetters implements LetterRenderer {
  readonly fingerprint: string;

  constructor(
    private readonly ctx: RenderContext,
    private readonly wording: LetterWording,
  ) {
    this.fingerprint = sha256(JSON.stringify(wording.sources));
  }

  async render(decision: Decision, assignments: readonly AgencyAssignment[], onProgress?: Progress): Promise<Uint8Array[]> {
    checkWording(decision, assignments, this.wording);
    const { renderLetterPdf } = await import("../render/pdf/letter-pdf.ts");
    const out: Uint8Array[] = [];
    for (const assignment of assignments) {
      out.push(await renderLetterPdf(decision, assignment, this.ctx, this.wording));
      onProgress?.("letters", out.length, assignments.length);
    }
    return out;
  }

  async close(): Promise<void> {}
}

class WorkerLetters implements LetterRenderer {
  private readonly workers: Worker[] = [];

  get fingerprint(): string {
    return this.fallback.fingerprint;
  }

  constructor(
    private readonly count: number,
    private readonly data: Omit<LetterWorkerData, "decision">,
    private readonly fallback: InProcessLetters,
  ) {}

  async render(decision: Decision, assignments: readonly AgencyAssignment[], onProgress?: Progress): Promise<Uint8Array[]> {
    const count = Math.min(this.count, Math.floor(assignments.length / MIN_LETTERS_PER_WORKER));
    if (count < 2) return this.fallback.render(decision, assignments, onProgress);
    checkWording(decision, assignments, this.data.wording);
    const results: Uint8Array[] = new Array(assignments.length);
    let next = 0;
    let done = 0;
    const workerData: LetterWorkerData = { ...this.data, decision };
    await Promise.all(
      Array.from({ length: count }, async () => {
        const worker = new Worker(new URL("./letter-worker.js", import.meta.url), { workerData });
        this.workers.push(worker);
        await new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= assignments.length) return resolve();
            const job: LetterJob = { index: next, assignment: assignments[next]! };
            next++;
            worker.postMessage(job);
          };
          worker.on("message", (reply: LetterReply) => {
            if ("error" in reply) return reject(new Error(reply.error));
            results[reply.index] = reply.bytes;
            onProgress?.("letters", ++done, assignments.length);
            send();
          });
          worker.on("error", reject);
          worker.once("online", send);
        });
      }),
    );
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export interface LetterRendererOptions {
  templatesDir?: string | undefined;
  /** "auto" (default), or a number of worker threads; 0 renders in this thread */
  workers?: string | undefined;
}

export async function createLetterRenderer(
  ctx: RenderContext,
  options: LetterRendererOptions,
): Promise<{ renderer?: LetterRenderer; diagnostics: Diagnostic[] }> {
  let wording: LetterWording;
  try {
    wording = await loadLetterWording(options.templatesDir);
  } catch (error) {
    if (error instanceof TemplateError) return { diagnostics: [templateErrorDiagnostic(error)] };
    throw error;
  }
  const inProcess = new InProcessLetters(ctx, wording);
  const requested = options.workers === undefined || options.workers === "auto" ? Math.min(availableParallelism(), 4) : Number(options.workers);
  // Workers run compiled JavaScript; under tsx or vitest (sources in .ts) letters render in this thread.
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || !(requested >= 2)) return { renderer: inProcess, diagnostics: [] };
  const data = { profile: ctx.layout.id, directory: ctx.resolver.directory, wording };
  return { renderer: new WorkerLetters(requested, data, inProcess), diagnostics: [] };
}
