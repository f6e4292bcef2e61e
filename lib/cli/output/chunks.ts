// Streamed output: text handed to the writer in pieces of about 64 KiB, so that a large output is
// never held whole in memory (`process.stdout` writes to files and pipes synchronously on Linux).

const CHUNK = 64 * 1024;

/** Collects small pieces and passes them on in chunks. Call `end()` to flush the rest. */
export class ChunkWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: (text: string) => void) {}

  public write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  public end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
