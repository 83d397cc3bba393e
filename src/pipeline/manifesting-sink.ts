import type { OutputSink } from "../io/output-sink.ts";
import { manifestEntryOf, type ManifestEntry } from "./manifest.ts";

/** Records size and SHA-256 of everything written, for the manifest. */
export class ManifestingSink implements OutputSink {
  readonly entries: ManifestEntry[] = [];
  constructor(private readonly inner: OutputSink) {}
  async write(path: string, data: Uint8Array): Promise<void> {
    this.entries.push(manifestEntryOf(path, data));
    await this.inner.write(path, data);
  }
  async reuse(path: string, data: Uint8Array, source: string): Promise<void> {
    this.entries.push(manifestEntryOf(path, data));
    await (this.inner.reuse ? this.inner.reuse(path, data, source) : this.inner.write(path, data));
  }
}
