import type { CalendarEvent } from '../data/runManifest.ts';
import type { DayResult, KnobInfo, LiveChange, Reply, TownInfo, TownSetup } from './protocol.ts';
import { TownClient } from './townClient.ts';

/** Maps kept for going back in time, at most this many bytes per town (older ones thinned). */
const FRAME_BUDGET = 64 * 1024 * 1024;

/** What the page holds of one town: its description, every day's indicators, and maps. */
export interface TownData {
  info: TownInfo;
  /** rows[d]: the indicators of day d, in `info.columns` order. */
  rows: Float64Array[];
  frames: Map<number, { grid: Uint8Array; districts: Float32Array }>;
}

export interface SessionSetup {
  scenario: unknown;
  file: string;
  seed: number;
  knobs: Record<string, number>;
  changes: LiveChange[];
  /** With a second town: the knob it has differently from day 0. */
  compare?: { id: string; value: number };
}

/**
 * The live towns of the page and what it knows of them. One or two towns, each in its own
 * worker, always on the same day: every request goes to both and the session waits for
 * both. Requests run one at a time in order; `busy` says one is under way.
 */
export class LiveSession {
  towns: TownData[] = [];
  /** The last day every town has simulated. */
  computed = 0;
  busy = false;
  private clients: TownClient[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private everyFrame = 1;

  constructor(
    public setup: SessionSetup,
    private readonly onError: (err: unknown) => void,
  ) {}

  get info(): TownInfo | undefined {
    return this.towns[0]?.info;
  }

  townSetup(k: number): TownSetup {
    const s = this.setup;
    const knobs = k === 1 && s.compare ? { ...s.knobs, [s.compare.id]: s.compare.value } : { ...s.knobs };
    return { scenario: s.scenario, file: s.file, seed: s.seed, knobs, changes: s.changes.map((c) => ({ ...c })) };
  }

  /** Builds the towns afresh and runs them (silently) to day `to`. */
  load(to: number): Promise<void> {
    return this.run(async () => {
      const n = this.setup.compare ? 2 : 1;
      while (this.clients.length < n) this.clients.push(new TownClient());
      while (this.clients.length > n) this.clients.pop()!.close();
      const replies = await Promise.all(this.clients.map((c, k) => c.request({ type: 'load', setup: this.townSetup(k), to })));
      this.towns = replies.map((r) => {
        const loaded = r as Extract<Reply, { type: 'loaded' }>;
        return { info: loaded.info, rows: [], frames: new Map() };
      });
      const grid = this.towns[0].info.width * this.towns[0].info.height;
      this.everyFrame = Math.max(1, Math.ceil(((this.towns[0].info.days + 1) * grid) / FRAME_BUDGET));
      this.computed = 0;
      replies.forEach((r, k) => {
        this.keep(k, (r as Extract<Reply, { type: 'loaded' }>).days);
      });
    });
  }

  /** Simulates every town up to day `to` (or the end of the scenario). */
  advanceTo(to: number): Promise<void> {
    return this.run(async () => {
      const end = Math.min(to, this.info?.days ?? 0);
      if (end <= this.computed) return;
      const replies = await Promise.all(this.clients.map((c) => c.request({ type: 'advance', to: end, frames: 'all' })));
      replies.forEach((r, k) => {
        this.keep(k, (r as Extract<Reply, { type: 'advanced' }>).days);
      });
    });
  }

  /** A live knob changed on the last simulated day: the running towns take it from the next day. */
  changeInPlace(change: LiveChange): Promise<void> {
    return this.run(async () => {
      this.setup.changes.push(change);
      const replies = await Promise.all(this.clients.map((c) => c.request({ type: 'change', change })));
      replies.forEach((r, k) => {
        this.towns[k].info = (r as Extract<Reply, { type: 'changed' }>).info;
      });
    });
  }

  /** The frame to draw for a day: the day's own, or the last one kept before it. */
  frame(k: number, day: number): { grid: Uint8Array; districts: Float32Array; day: number } | undefined {
    const frames = this.towns[k]?.frames;
    if (!frames) return undefined;
    for (let d = day; d >= 0; d--) {
      const f = frames.get(d);
      if (f) return { ...f, day: d };
    }
    return undefined;
  }

  /** The scenario's events and the page's changes, for timelines and charts. */
  marks(knobs: readonly KnobInfo[]): CalendarEvent[] {
    const named = (id: string) => knobs.find((k) => k.id === id)?.label ?? id;
    const changes = this.setup.changes.map((c) => ({
      day: c.day,
      kind: 'live-change',
      label: `${named(c.id)} set to ${knobs.find((k) => k.id === c.id)?.toggle ? (c.value ? 'on' : 'off') : c.value}`,
    }));
    return [...(this.info?.calendar ?? []), ...changes].sort((a, b) => a.day - b.day);
  }

  close(): void {
    this.clients.forEach((c) => {
      c.close();
    });
    this.clients = [];
  }

  private keep(k: number, days: DayResult[]): void {
    const town = this.towns[k];
    for (const d of days) {
      town.rows[d.day] = d.values;
      if (d.grid && d.districts && (d.day % this.everyFrame === 0 || d.day === days[days.length - 1].day))
        town.frames.set(d.day, { grid: d.grid, districts: d.districts });
    }
    this.computed = Math.min(...this.towns.map((t) => t.rows.length - 1));
  }

  private run(job: () => Promise<void>): Promise<void> {
    const next = this.chain.then(async () => {
      this.busy = true;
      try {
        await job();
      } catch (err) {
        this.onError(err);
      } finally {
        this.busy = false;
      }
    });
    this.chain = next;
    return next;
  }
}
