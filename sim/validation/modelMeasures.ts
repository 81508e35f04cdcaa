import { Simulation } from '../engine/simulation.ts';
import { projectScenario } from './projectScenario.ts';
import { SPACE_TYPES } from '../model/spaceTypes.ts';
import { AgeClass, NONE, SpaceKind } from '../model/spaceTypes.ts';
import { Flag } from '../model/world.ts';
import { levelIndex, LEVELS } from '../model/levels.ts';
import { STRATEGIES, strategyIndex } from '../model/berry.ts';
import * as rule from '../model/contactRule.ts';
import { pearson } from './stats.ts';

/**
 * The model's headline mechanism figures, measured on seeded runs (docs/model-v2.md lists
 * them before and after version 2). Run with `npx tsx sim/validation/modelMeasures.ts [name ...]`;
 * prints one JSON object per measure.
 */
type Sets = Record<string, unknown>;
type ContactParams = Parameters<typeof rule.negativeProbability>[0];
interface V2Rule {
  expectedChange(c: ContactParams, tieDrop: number, p: number, q: number, barrier: number, allport: number, s: number): number;
  declineProbability(c: ContactParams, prejudice: number, chosen: boolean): number;
}
const SMALL: Sets = { 'population.residents': 6000, 'city.districtsX': 3, 'city.districtsY': 3 };
const MIGRANT_GROUPS = [1, 2, 3, 4];

function run(file: string, sets: Sets, days: number, each?: (sim: Simulation) => void): Simulation {
  const sim = new Simulation(projectScenario(file, sets));
  for (let d = 0; d < days; d++) {
    sim.advance();
    each?.(sim);
  }
  return sim;
}

/**
 * Expected change of a host's prejudice in one out-group encounter, averaged over random
 * host-migrant pairs of the day-1 default city and over the spaces of each type.
 */
function netChangePerEncounter() {
  const sim = run('default.json', SMALL, 1);
  const w = sim.world;
  const r = w.residents;
  const c = w.scenario.contact;
  const hosts: number[] = [];
  const migrants: number[] = [];
  for (let i = 0; i < w.counts[0]; i++) {
    if (r.age[i] === AgeClass.gone) continue;
    (r.group[i] === 0 ? hosts : migrants).push(i);
  }
  const out: Record<string, number> = {};
  // Version 2 has its own expectation (susceptibility, self-selection); version 1 is spelled out here.
  const v2 = 'expectedChange' in rule;
  const chosen = new Set(['shop', 'market', 'community', 'worship', 'centre']);
  for (let t = 0; t < SPACE_TYPES.length; t++) {
    let allport = 0;
    let n = 0;
    for (let s = 0; s < w.sizes.spaces; s++) {
      if (w.spaces.type[s] !== t) continue;
      allport += w.spaces.allport[s];
      n++;
    }
    if (n === 0) continue;
    allport /= n;
    let sum = 0;
    let weights = 0;
    const pairs = 20_000;
    const tie = w.scenario.ties.tieChance * w.scenario.ties.outgroupTieEffect;
    for (let k = 0; k < pairs; k++) {
      const h = hosts[(k * 7919) % hosts.length];
      const m = migrants[(k * 104729) % migrants.length];
      const p = r.prejudice[h];
      const q = r.prejudice[m];
      const barrier = rule.languageBarrier(r.language[h], r.language[m]);
      if (v2) {
        const x = rule as unknown as V2Rule;
        const weight = 1 - x.declineProbability(c, (p + q) / 2, chosen.has(SPACE_TYPES[t]));
        sum += weight * x.expectedChange(c, tie, p, q, barrier, allport, (r as unknown as { susceptibility: Uint8Array }).susceptibility[h] / 64);
        weights += weight;
      } else {
        const neg = rule.negativeProbability(c, p, q, barrier, allport);
        sum += (1 - neg) * (rule.afterPositive(c, p, allport) - p - tie * p) + neg * (rule.afterNegative(c, p) - p);
        weights++;
      }
    }
    out[SPACE_TYPES[t]] = +(sum / weights).toExponential(2);
  }
  sim.close();
  return out;
}

/** Host r(out-group encounters, prejudice), r(out-group ties, prejudice) and the sd of host prejudice, day 0 and after a year. */
function contactCorrelations() {
  const sim = run('default.json', SMALL, 0);
  const r = sim.world.residents;
  const sd = () => {
    const xs = hostValues(sim, (i) => r.prejudice[i]);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  };
  const sd0 = sd();
  for (let d = 0; d < 365; d++) sim.advance();
  const p = hostValues(sim, (i) => r.prejudice[i]);
  const out = {
    r_contacts_prejudice: +pearson(
      hostValues(sim, (i) => r.outgroupContacts[i]),
      p,
    ).toFixed(3),
    r_ties_prejudice: +pearson(
      hostValues(sim, (i) => r.outgroupTies[i]),
      p,
    ).toFixed(3),
    sd_prejudice_day0: +sd0.toFixed(3),
    sd_prejudice_day365: +sd().toFixed(3),
  };
  sim.close();
  return out;
}

function hostValues(sim: Simulation, f: (i: number) => number): number[] {
  const r = sim.world.residents;
  const xs: number[] = [];
  for (let i = 0; i < sim.world.counts[0]; i++) if (r.age[i] !== AgeClass.gone && r.group[i] === 0) xs.push(f(i));
  return xs;
}

/** Employment of migrant adults with a foreign diploma, with none or all recognised, after 1 and 3 years (same seed). */
function recognitionEffect() {
  const holders = (recognised: number) => {
    const sets: Sets = { ...SMALL, 'submodels.housing': false, 'submodels.demography': false };
    for (const g of MIGRANT_GROUPS) sets[`population.groups.${g}.recognised`] = recognised;
    const rates: number[] = [];
    const sim = run('default.json', sets, 0);
    for (const day of [365, 1095]) {
      while (sim.day < day) sim.advance();
      const r = sim.world.residents;
      let n = 0;
      let e = 0;
      for (let i = 0; i < sim.world.counts[0]; i++) {
        if (r.age[i] !== AgeClass.adult || !(r.flags[i] & Flag.foreignDiploma)) continue;
        n++;
        if (r.job[i] !== NONE) e++;
      }
      rates.push(e / n);
    }
    sim.close();
    return rates;
  };
  const none = holders(0);
  const all = holders(1);
  return { pp_after_1y: +(100 * (all[0] - none[0])).toFixed(1), pp_after_3y: +(100 * (all[1] - none[1])).toFixed(1) };
}

/** Eurostat over-qualification: employed tertiary-educated adults in jobs below tertiary level; and employment by sex in the Danish town. */
function labourShares() {
  const sim = run('danish-town.json', {}, 365);
  const w = sim.world;
  const r = w.residents;
  const tally = { tertiary: [0, 0], below: [0, 0], adults: [0, 0, 0, 0], employed: [0, 0, 0, 0] };
  for (let i = 0; i < w.counts[0]; i++) {
    if (r.age[i] !== AgeClass.adult) continue;
    const m = r.group[i] === w.scenario.population.groups.findIndex((g) => g.host) ? 0 : 1;
    const sex = m * 2 + (r.flags[i] & Flag.female ? 0 : 1);
    tally.adults[sex]++;
    if (r.job[i] === NONE) continue;
    tally.employed[sex]++;
    if (r.education[i] === 2 && w.spaces.type[r.job[i]] === SpaceKind.workplace) {
      tally.tertiary[m]++;
      if (w.spaces.level[r.job[i]] < 2) tally.below[m]++;
    }
  }
  sim.close();
  const rate = (k: number) => tally.employed[k] / tally.adults[k];
  return {
    overqualification_tertiary_host: +(tally.below[0] / tally.tertiary[0]).toFixed(3),
    overqualification_tertiary_migrant: +(tally.below[1] / tally.tertiary[1]).toFixed(3),
    employment_host_women: +rate(0).toFixed(3),
    employment_host_men: +rate(1).toFixed(3),
    employment_migrant_women: +rate(2).toFixed(3),
    employment_migrant_men: +rate(3).toFixed(3),
    gap_men_minus_women_host_pp: +(100 * (rate(1) - rate(0))).toFixed(1),
    gap_men_minus_women_migrant_pp: +(100 * (rate(3) - rate(2))).toFixed(1),
  };
}

/** Berry strategy shares of migrants on day 0, after 1 and after 5 years, and the share with heritage below 0.5. */
function berryShares() {
  const sim = run('default.json', SMALL, 0);
  const out: Record<string, Record<string, number>> = {};
  for (const day of [0, 365, 1825]) {
    while (sim.day < day) sim.advance();
    const r = sim.world.residents;
    const counts = new Array(STRATEGIES.length + 1).fill(0);
    let n = 0;
    for (let i = 0; i < sim.world.counts[0]; i++) {
      if (r.age[i] === AgeClass.gone || r.group[i] === 0) continue;
      n++;
      counts[strategyIndex(r.heritage[i], r.adoption[i])]++;
      if (r.heritage[i] < 0.5) counts[STRATEGIES.length]++;
    }
    out[`day_${day}`] = Object.fromEntries([...STRATEGIES, 'heritage_below_half'].map((s, k) => [s, +(counts[k] / n).toFixed(3)]));
  }
  sim.close();
  return out;
}

/** CEFR levels at the end of a 450-hour course of learners enrolled at pre-A1 (start 0.05). */
function courseOutcome() {
  const sets: Sets = { 'population.residents': 3000, 'city.districtsX': 2, 'city.districtsY': 2, 'submodels.housing': false, 'submodels.demography': false };
  for (const g of MIGRANT_GROUPS) sets[`population.groups.${g}.language`] = 0.05;
  sets.policies = [{ type: 'languageClasses', seats: 150, courseHours: 450 }];
  const sim = run('default.json', sets, 1);
  const r = sim.world.residents;
  const cohort: number[] = [];
  for (let i = 0; i < sim.world.counts[0]; i++) if (r.flags[i] & Flag.enrolled && levelIndex(r.language[i]) === 0) cohort.push(i);
  const end = new Map<number, number>();
  while (end.size < cohort.length && sim.day < 900) {
    sim.advance();
    for (const i of cohort) if (!end.has(i) && !(r.flags[i] & Flag.enrolled)) end.set(i, r.language[i]);
  }
  const counts = new Array(LEVELS.length).fill(0);
  for (const v of end.values()) counts[levelIndex(v)]++;
  sim.close();
  return { learners: end.size, ...Object.fromEntries(LEVELS.map((l, k) => [l, +(counts[k] / end.size).toFixed(3)])) };
}

const MEASURES: Record<string, () => unknown> = { netChangePerEncounter, contactCorrelations, recognitionEffect, labourShares, berryShares, courseOutcome };

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(MEASURES)) {
    if (!MEASURES[name]) throw new Error(`unknown measure ${name}; known: ${Object.keys(MEASURES).join(', ')}`);
    console.log(JSON.stringify({ [name]: MEASURES[name]() }));
  }
}
