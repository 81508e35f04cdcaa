/**
 * The playhead over the recorded days of one or more runs. Playing advances through days at
 * `speed` days per second (showing the last recorded day reached) and waits, without
 * skipping, while the frame it needs is still loading.
 */
export class Player {
  index = 0;
  playing = false;
  speed = 10;
  private position = 0;
  private last = 0;
  private raf = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    /** Recorded days, ascending. */
    readonly days: readonly number[],
    private readonly ready: (index: number) => boolean = () => true,
    private readonly want: (index: number) => void = () => {},
  ) {}

  get day(): number {
    return this.days[this.index];
  }

  get lastIndex(): number {
    return this.days.length - 1;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The index of the last recorded day not after `day`. */
  indexOfDay(day: number): number {
    let lo = 0;
    let hi = this.days.length - 1;
    if (day <= this.days[0]) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  seek(index: number): void {
    const i = Math.max(0, Math.min(this.lastIndex, Math.round(index)));
    this.position = this.days[i];
    this.set(i);
  }

  step(delta: number): void {
    this.pause();
    this.seek(this.index + delta);
  }

  play(): void {
    if (this.playing) return;
    if (this.index >= this.lastIndex) this.seek(0);
    this.playing = true;
    this.position = this.day;
    this.last = performance.now();
    this.raf = requestAnimationFrame((t) => this.tick(t));
    this.emit();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(daysPerSecond: number): void {
    this.speed = daysPerSecond;
    this.emit();
  }

  private tick(now: number): void {
    if (!this.playing) return;
    const dt = Math.min(0.25, (now - this.last) / 1000);
    this.last = now;
    const target = this.indexOfDay(this.position + this.speed * dt);
    if (target !== this.index) {
      // Never skip a frame that is still loading: wait for it at the current one.
      const next = this.firstWaiting(this.index + 1, target);
      if (next === undefined) {
        this.position += this.speed * dt;
        this.set(target);
      } else {
        this.want(next);
        if (next - 1 !== this.index) this.set(next - 1);
        this.position = this.day;
      }
    } else {
      this.position += this.speed * dt;
    }
    if (this.index >= this.lastIndex) {
      this.pause();
      return;
    }
    this.want(Math.min(this.lastIndex, this.index + 1));
    this.raf = requestAnimationFrame((t) => this.tick(t));
  }

  private firstWaiting(from: number, to: number): number | undefined {
    for (let i = from; i <= to; i++) if (!this.ready(i)) return i;
    return undefined;
  }

  private set(i: number): void {
    if (i === this.index) {
      this.emit();
      return;
    }
    this.index = i;
    this.want(i);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
