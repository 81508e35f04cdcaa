/** Where a progress bar draws: a terminal stream, and a clock (both replaceable in tests). */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Only the last few seconds say how fast the work goes now: the first days of a run are slower (compilation, warm-up). */
const RATE_WINDOW_MS = 5000;
/** No estimate before this much is done and this long has passed: an early guess is mostly noise. */
const MIN_FRACTION = 0.05;
const MIN_MS = 2000;

/**
 * A progress bar on a terminal (stderr), silent when stderr is not a TTY or when asked to be.
 * It redraws a few times a second, starts after the first second, fits the terminal's
 * width (so it never wraps into half-lines), and estimates the time left from the recent
 * pace once there is enough to go on.
 */
export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;
  private readonly samples: { t: number; done: number }[] = [];
  private readonly enabled: boolean;

  /** `wanted` false silences it (e.g. with --json); it never draws when the stream is not a terminal. */
  constructor(
    private readonly label: string,
    private readonly total: number,
    wanted = true,
    private readonly out: ProgressOutput = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = wanted && Boolean(out.isTTY);
    this.started = now();
  }

  update(done: number, detail = ''): void {
    if (!this.enabled) return;
    const now = this.now();
    this.samples.push({ t: now, done });
    while (this.samples.length > 2 && now - this.samples[0].t > RATE_WINDOW_MS) this.samples.shift();
    if (now - this.started < 1000 || (now - this.lastDraw < 200 && done < this.total)) return;
    this.lastDraw = now;
    this.out.write(`\r${this.line(done, now, detail)}\x1b[K`);
    this.drawn = true;
  }

  /** The line for `done` of the total, at most the terminal's width less one column. */
  line(done: number, now: number, detail = ''): string {
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const elapsed = (now - this.started) / 1000;
    const times = `${fmtTime(elapsed)} elapsed${done >= this.total ? '' : `, ${this.left(done, now)}`}`;
    const count = `${done}/${this.total}`;
    const room = Math.max(10, (this.out.columns ?? 80) - 1);
    const fixed = `${count} ${times}`;
    let barWidth = Math.min(30, room - fixed.length - this.label.length - 4);
    let label = this.label;
    if (barWidth < 10) {
      label = '';
      barWidth = Math.min(30, room - fixed.length - 3);
    }
    const bar = barWidth >= 5 ? `[${'#'.repeat(Math.round(frac * barWidth)).padEnd(barWidth, '-')}] ` : '';
    const head = `${label ? `${label} ` : ''}${bar}${fixed}`;
    const full = detail && head.length + 1 + detail.length <= room ? `${head} ${detail}` : head;
    return full.slice(0, room);
  }

  private left(done: number, now: number): string {
    const first = this.samples[0];
    if (done / Math.max(1, this.total) < MIN_FRACTION || now - this.started < MIN_MS || !first || now <= first.t || done <= first.done) return 'estimating';
    const rate = (done - first.done) / (now - first.t);
    return `about ${fmtTime((this.total - done) / rate / 1000)} left`;
  }

  done(): void {
    if (this.drawn) this.out.write('\n');
  }
}

function fmtTime(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
