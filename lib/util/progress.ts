// Progress for work that takes more than a second: only on a terminal, never in JSON or CI output.
// Work in this project is synchronous, so drawing happens from tick() (no timers): the first line
// appears once the task has run for `delayMs`, then at most every `intervalMs`.

/** Where progress is written (process.stderr in the CLI). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/** Options of Progress. */
export interface ProgressOptions {
  /** @default process.stderr */
  readonly stream?: ProgressStream;
  /** Show progress at all. @default - stream is a TTY, output is not JSON and CI is not set */
  readonly enabled?: boolean;
  /** The output format is JSON (progress stays off). @default false */
  readonly json?: boolean;
  /** Milliseconds before the first line is drawn. @default 1000 */
  readonly delayMs?: number;
  /** Milliseconds between redraws. @default 100 */
  readonly intervalMs?: number;
  /** Clock. @default Date.now */
  readonly now?: () => number;
}

/** True when progress should be shown: a terminal, not JSON, and CI unset (or empty). */
export function progressWanted(stream: ProgressStream, json: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !json && (env.CI === undefined || env.CI === '');
}

/** A one-line progress indicator: `label done/total` redrawn in place with a carriage return. */
export class Progress {
  private readonly stream: ProgressStream;
  private readonly enabled: boolean;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private label = '';
  private total = 0;
  private count = 0;
  /** When the first task started (the one-second delay counts from there). */
  private startedAt: number | undefined;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.enabled = options.enabled ?? progressWanted(this.stream, options.json === true);
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Starts a task of `total` steps (the clock for the one-second delay starts at the first task). */
  public start(label: string, total: number): void {
    this.startedAt ??= this.now();
    this.label = label;
    this.total = total;
    this.count = 0;
    this.tick(0);
  }

  /** Records `steps` finished steps and redraws when due. */
  public tick(steps = 1): void {
    this.count += steps;
    if (!this.enabled) return;
    const t = this.now();
    if (t - (this.startedAt ?? t) < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.drawn = true;
    const pct = this.total > 0 ? ` ${Math.floor((100 * this.count) / this.total)}%` : '';
    this.stream.write(`\r\x1b[K${this.label} ${this.count}/${this.total}${pct}`);
  }

  /** Clears the line (when anything was drawn). */
  public done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
