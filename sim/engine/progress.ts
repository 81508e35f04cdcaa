/**
 * A progress bar on a terminal (stderr), silent when stderr is not a TTY or when asked to be.
 * It only redraws a few times a second, and only starts after the first second.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  private readonly enabled: boolean;

  /** `wanted` false silences it (e.g. with --json); it never draws when stderr is not a terminal. */
  constructor(private readonly label: string, private readonly total: number, wanted = true) {
    this.enabled = wanted && Boolean(process.stderr.isTTY);
  }

  update(done: number, detail = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 1000 || (now - this.lastDraw < 200 && done < this.total)) return;
    this.lastDraw = now;
    const width = 30;
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.started) / 1000;
    const left = frac > 0 ? (elapsed * (1 - frac)) / frac : 0;
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    process.stderr.write(`\r${this.label} [${bar}] ${done}/${this.total} ${fmtTime(elapsed)} elapsed, ${fmtTime(left)} left ${detail}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) process.stderr.write('\n');
  }
}

function fmtTime(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
