/** Where rendered files go as soon as they exist, so a large build never holds every file in memory. */
export interface OutputSink {
  write(path: string, data: Uint8Array): Promise<void>;
  /** A file unchanged since the previous build, at `source`: sinks on disk keep it as it is (same mtime). */
  reuse?(path: string, data: Uint8Array, source: string): Promise<void>;
}

/** Keeps files in memory: for tests and benchmarks. */
export class MemorySink implements OutputSink {
  readonly files = new Map<string, Uint8Array>();
  async write(path: string, data: Uint8Array): Promise<void> {
    this.files.set(path, data);
  }
}

/**
 * Keeps nothing (the manifest entries still record every file's size and hash): for benchmarks, whose peak
 * memory should be the build's, as when writing to disk.
 */
export class DiscardingSink implements OutputSink {
  async write(): Promise<void> {}
}
