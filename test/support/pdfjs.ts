/**
 * pdf.js for the tests that read a PDF back, loaded once with the process's own Array.prototype.push kept.
 * Its Node build (legacy/) installs core-js's push over the native one for the whole process, about 15 times
 * slower: every test after it in a worker process, renderers included, would run with it, and pdf.js itself
 * spends a tenth of its time there. The fake worker's code (pdf.worker.mjs, which pdf.js takes from
 * globalThis.pdfjsWorker once loaded) is loaded here too, so that nothing installs it later. The APIs the
 * build adds (Promise.withResolvers, Set methods) are left: pdf.js needs them and Node 20 has none of them.
 */
const nativePush = Object.getOwnPropertyDescriptor(Array.prototype, "push")!;
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
Object.defineProperty(Array.prototype, "push", nativePush);

export const { getDocument, OPS } = pdfjs;
