import { Stream } from '../model/stream.ts';
import { rootKey } from '../model/seed.ts';

/**
 * A line-by-line port of NetLogo's Segregation model (Wilensky 1997, models library
 * "Sample Models/Social Science/Segregation.nlogo"), kept apart from the engine so the
 * validation can compare our classic scenario with NetLogo's own rules:
 *
 * - setup: every patch of a `size` x `size` wrapping world sprouts a turtle with
 *   probability density/100 (`random 100 < density`), coloured red or green at random;
 * - happy when `similar-nearby >= %-similar-wanted * total-nearby / 100` over the 8
 *   neighbouring patches (no neighbours: happy);
 * - go: stop when every turtle is happy; otherwise every unhappy turtle, in random order,
 *   runs `find-new-spot`: `rt random-float 360`, `fd random-float 10`, again until no other
 *   turtle is on the patch it stands on, then moves to that patch's centre. Happiness is
 *   updated after all have moved.
 *
 * The walk is what differs from our classic scenario, where a mover takes a uniformly
 * random vacancy: NetLogo's movers land near where they were, and may land back on their
 * own patch (it holds no *other* turtle), which then counts as staying.
 */
export interface NetLogoParams {
  /** Patches across (51 for max-pxcor 25). */
  size: number;
  /** Percent of patches occupied (the `density` slider). */
  density: number;
  /** The `%-similar-wanted` slider, percent. */
  wanted: number;
  /** Ticks after which a run that has not settled is stopped. */
  maxTicks: number;
  seed: number;
}

export interface SegregationOutcome {
  /** NetLogo's percent-similar: like neighbours over occupied neighbours, summed over turtles, x 100. */
  percentSimilar: number;
  /** Share of turtles that are unhappy at the end. */
  unhappyShare: number;
  /** Ticks run (moves made) before every turtle was happy or the cap was reached. */
  ticks: number;
  settled: boolean;
  agents: number;
}

const RED = 0;
const GREEN = 1;
const EMPTY = -1;

export function runNetLogoSegregation(p: NetLogoParams): SegregationOutcome {
  const rng = new Stream(rootKey(p.seed)).reset(1, 0, 0, 0);
  const S = p.size;
  const half = (S - 1) / 2;
  const occupant = new Int32Array(S * S).fill(EMPTY);
  const colour: number[] = [];
  const heading: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let py = 0; py < S; py++) {
    for (let px = 0; px < S; px++) {
      if (rng.int(100) >= p.density) continue;
      const t = colour.length;
      colour.push(rng.next() < 0.5 ? RED : GREEN);
      // sprout gives new turtles a random integer heading.
      heading.push(rng.int(360));
      xs.push(px - half);
      ys.push(py - half);
      occupant[py * S + px] = t;
    }
  }
  const n = colour.length;
  const similar = new Int32Array(n);
  const total = new Int32Array(n);
  const happy = new Uint8Array(n);

  const patchOf = (x: number, y: number) => (Math.floor(y + half + 0.5) % S) * S + (Math.floor(x + half + 0.5) % S);
  const update = (): number => {
    let unhappy = 0;
    for (let t = 0; t < n; t++) {
      const idx = patchOf(xs[t], ys[t]);
      const px = idx % S;
      const py = (idx - px) / S;
      let like = 0;
      let all = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          const o = occupant[((py + dy + S) % S) * S + ((px + dx + S) % S)];
          if (o === EMPTY) continue;
          all++;
          if (colour[o] === colour[t]) like++;
        }
      }
      similar[t] = like;
      total[t] = all;
      // Integer form of similar >= wanted * total / 100: exact, as NetLogo's doubles are here.
      happy[t] = like * 100 >= p.wanted * all ? 1 : 0;
      if (!happy[t]) unhappy++;
    }
    return unhappy;
  };
  // Wraps a continuous coordinate into the world, [-half - 0.5, half + 0.5).
  const wrap = (v: number) => {
    const w = (((v + half + 0.5) % S) + S) % S;
    return w - half - 0.5;
  };

  let unhappy = update();
  let ticks = 0;
  const movers: number[] = [];
  while (unhappy > 0 && ticks < p.maxTicks) {
    movers.length = 0;
    for (let t = 0; t < n; t++) if (!happy[t]) movers.push(t);
    // `ask turtles with [not happy?]` visits them in random order.
    for (let k = movers.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      const tmp = movers[k];
      movers[k] = movers[j];
      movers[j] = tmp;
    }
    for (const t of movers) {
      occupant[patchOf(xs[t], ys[t])] = EMPTY;
      let idx: number;
      do {
        heading[t] = (heading[t] + rng.next() * 360) % 360;
        const step = rng.next() * 10;
        const rad = (heading[t] * Math.PI) / 180;
        // NetLogo headings: 0 is north (+y), 90 is east (+x).
        xs[t] = wrap(xs[t] + step * Math.sin(rad));
        ys[t] = wrap(ys[t] + step * Math.cos(rad));
        idx = patchOf(xs[t], ys[t]);
      } while (occupant[idx] !== EMPTY);
      const px = idx % S;
      xs[t] = px - half;
      ys[t] = (idx - px) / S - half;
      occupant[idx] = t;
    }
    ticks++;
    unhappy = update();
  }
  let like = 0;
  let all = 0;
  for (let t = 0; t < n; t++) {
    like += similar[t];
    all += total[t];
  }
  return { percentSimilar: all > 0 ? (100 * like) / all : 0, unhappyShare: n > 0 ? unhappy / n : 0, ticks, settled: unhappy === 0, agents: n };
}
