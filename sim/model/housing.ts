import { Purpose } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { Count, type World } from './world.ts';
import { moveInto } from './dwellingBook.ts';
import { keptCounts } from './keptNeighbourCounts.ts';

/**
 * Schelling-like residential moves. A household is unhappy when fewer than its threshold
 * share of its occupied Moore neighbours are of its group (no occupied neighbours: happy,
 * as in NetLogo's Segregation). Deciding is parallel (read-only); moving is serial, in
 * household order, because two households may want the same vacancy.
 */
export const Mood = { happy: 0, unhappy: 1, moving: 2 } as const;

/**
 * Like and occupied neighbours of a dwelling for a group, packed as like * 16 + occupied
 * (both are at most 8), so the hot loop returns one number and allocates nothing.
 */
export function neighbourCounts(world: World, dwelling: number, groupPlus1: number, ignore: number): number {
  const { width, height } = world.sizes;
  const cell = world.dwellings.cell;
  const x = dwelling % width;
  const y = (dwelling - x) / width;
  let like = 0;
  let occupied = 0;
  if (x > 0 && y > 0 && x < width - 1 && y < height - 1) {
    // Inside the grid: eight fixed offsets, no edge or wrap checks (the common case).
    for (let k = 0; k < 8; k++) {
      const j = dwelling + (k < 3 ? k - 1 - width : k < 5 ? (k === 3 ? -1 : 1) : k - 6 + width);
      if (j === ignore) continue;
      const c = cell[j];
      if (c !== 0) {
        occupied++;
        if (c === groupPlus1) like++;
      }
    }
    return like * 16 + occupied;
  }
  const wrap = world.scenario.city.wrap;
  for (let dy = -1; dy <= 1; dy++) {
    let ny = y + dy;
    if (ny < 0 || ny >= height) {
      if (!wrap) continue;
      ny = (ny + height) % height;
    }
    const row = ny * width;
    for (let dx = -1; dx <= 1; dx++) {
      if (dx === 0 && dy === 0) continue;
      let nx = x + dx;
      if (nx < 0 || nx >= width) {
        if (!wrap) continue;
        nx = (nx + width) % width;
      }
      const j = row + nx;
      if (j === dwelling || j === ignore) continue;
      const c = cell[j];
      if (c !== 0) {
        occupied++;
        if (c === groupPlus1) like++;
      }
    }
  }
  return like * 16 + occupied;
}

export function isUnhappy(counts: number, threshold: number): boolean {
  const occupied = counts & 15;
  return occupied > 0 && counts >> 4 < threshold * occupied;
}

/**
 * Households' moods, with what deciding them reads taken from the world once per loop. The
 * housing phase and the census decide every household's mood every day; reaching each
 * array and parameter through the world again for every household made those loops a third
 * slower.
 */
export class Moods {
  private readonly neighbours: Uint8Array;
  private readonly stride: number;
  private readonly dwelling: Int32Array;
  private readonly group: Uint8Array;
  private readonly own: Float32Array;
  private readonly first: Int32Array;
  private readonly prejudice: Float32Array;
  private readonly weight: number;

  constructor(
    world: World,
    private readonly initialPrejudice: Float64Array,
  ) {
    const hh = world.households;
    this.neighbours = world.dwellings.neighbours;
    this.stride = world.sizes.groups + 1;
    this.dwelling = hh.dwelling;
    this.group = hh.group;
    this.own = hh.threshold;
    this.first = hh.first;
    this.prejudice = world.residents.prejudice;
    this.weight = world.scenario.housing.prejudiceWeight;
  }

  /** Like and occupied neighbours of household h, packed (like * 16 + occupied). */
  counts(h: number): number {
    return keptCounts(this.neighbours, this.stride, this.dwelling[h], this.group[h] + 1);
  }

  /**
   * Household h's threshold today: its own, moved by its head's prejudice relative to the
   * group's initial mean, so that contact which lowers prejudice raises tolerance.
   */
  threshold(h: number): number {
    const t = this.own[h] + this.weight * (this.prejudice[this.first[h]] - this.initialPrejudice[this.group[h]]);
    return t < 0 ? 0 : t > 1 ? 1 : t;
  }
}

/** Whether a household can pay the rent of a district (means come from jobs, so only with the labour market). */
export function affordable(world: World, h: number, district: number): boolean {
  if (!world.scenario.submodels.labour) return true;
  return world.district.rent[district] <= world.scenario.housing.affordability * world.households.means[h];
}

/**
 * Marks households [start, end) happy, unhappy, or moving today. A household moves when too
 * few neighbours are like it or when it cannot pay the rent; renewal of the district's
 * public space keeps some unhappy households from leaving.
 */
export function evaluateHouseholds(ctx: ThreadContext, day: number, _slot: number, start: number, end: number): void {
  const { world, stream, initialPrejudice } = ctx;
  const { size, unhappy, district } = world.households;
  const p = world.scenario.housing.moveProbability;
  const labour = world.scenario.submodels.labour;
  const retention = world.levers.unhappyStayChance;
  const moods = new Moods(world, initialPrejudice);
  const live = Math.min(end, world.counts[Count.households]);
  for (let h = start; h < live; h++) {
    unhappy[h] = Mood.happy;
    if (size[h] === 0) continue;
    const d = district[h];
    // affordable() checks the flag itself; read once here, it spares the loop a call per household.
    const poor = labour && !affordable(world, h, d);
    if (!poor && !isUnhappy(moods.counts(h), moods.threshold(h))) continue;
    stream.reset(Purpose.housing, day, 0, h);
    const moving = (p >= 1 || stream.next() < p) && (poor || retention[d] === 0 || stream.next() >= retention[d]);
    unhappy[h] = moving ? Mood.moving : Mood.unhappy;
  }
}

/** Moves every household marked moving to a vacancy, in household order. */
export function moveHouseholds(world: World, stream: ThreadContext['stream'], day: number): number {
  const { dwelling, group, unhappy } = world.households;
  const { vacancies } = world.dwellings;
  const { search, candidates } = world.scenario.housing;
  const H = world.counts[Count.households];
  const vacant = world.counts[Count.vacancies];
  if (vacant === 0) return 0;
  stream.reset(Purpose.housing, day, 1, 0);
  let moves = 0;
  for (let h = 0; h < H; h++) {
    if (unhappy[h] !== Mood.moving) continue;
    const from = dwelling[h];
    const g1 = group[h] + 1;
    let pick = stream.int(vacant);
    if (search === 'best-of') {
      let best = -2;
      for (let k = 0; k < candidates; k++) {
        const v = k === 0 ? pick : stream.int(vacant);
        const counts = neighbourCounts(world, vacancies[v], g1, from);
        const occupiedN = counts & 15;
        const share = affordable(world, h, world.dwellings.district[vacancies[v]]) ? (occupiedN > 0 ? (counts >> 4) / occupiedN : 0.5) : -1;
        if (share > best) {
          best = share;
          pick = v;
        }
      }
    }
    moveInto(world, h, pick);
    moves++;
  }
  return moves;
}
