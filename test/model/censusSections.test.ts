import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { parallelFor } from '../../sim/engine/parallel/parallelFor.ts';
import { Census } from '../../sim/model/census.ts';
import { BLOCK, censusLayout } from '../../sim/model/censusLayout.ts';
import { ALL_SECTIONS, SECTION_FIELDS, Section, sectionsADayChanges } from '../../sim/model/censusSections.ts';
import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { scenarioFrom, smallCity } from '../helpers.ts';

/** Every sum of a census, as bytes, by name: what a recount must reproduce exactly. */
function sums(c: Census): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(c)) {
    if (value instanceof Float64Array) out[name] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    else if (typeof value === 'number') out[name] = String(value);
  }
  return out;
}

/** Runs the scenario day by day, checks each day's census against a full recount on this thread, and returns the sums of every day. */
function expectRetakesMatchRecounts(scenario: Scenario, days: number, threads = 1): Record<string, string>[] {
  const sim = new Simulation(scenario, threads > 1 ? { threads, parallel: parallelFor } : {});
  const daily = [sums(sim.census)];
  try {
    for (let d = 0; d < days; d++) {
      sim.advance();
      const recount = new Census(sim.world).take(sim.day);
      expect(sums(sim.census), `day ${sim.day}`).toEqual(sums(recount));
      daily.push(sums(sim.census));
    }
  } finally {
    sim.close();
  }
  return daily;
}

describe('census sections', () => {
  it('every field of a census row belongs to exactly one section', () => {
    const layout = censusLayout(new Simulation(smallCity()).world);
    const owned = Object.values(SECTION_FIELDS).flat();
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned].sort()).toEqual(Object.keys(layout.offsets).sort());
    expect(Object.keys(SECTION_FIELDS).sort()).toEqual(Object.keys(Section).sort());
  });

  it('a city with more than the housing market recounts every section; the classic Schelling model only where people live and their neighbours', () => {
    expect(sectionsADayChanges(smallCity(), 4)).toBe(ALL_SECTIONS);
    const schelling = scenarioFrom('classic-schelling.json');
    expect(sectionsADayChanges(schelling, 1)).toBe(Section.residence | Section.neighbourhoods);
    // Moves between districts change the district sums of attributes; a shock changes shown prejudice.
    expect(sectionsADayChanges(schelling, 6)).toBe(ALL_SECTIONS);
    const shocked = scenarioFrom('classic-schelling.json', { timeline: [{ type: 'media', day: 3 }] });
    expect(sectionsADayChanges(shocked, 1)).toBe(ALL_SECTIONS);
    expect(sectionsADayChanges(scenarioFrom('classic-schelling.json', { 'submodels.labour': true }), 1)).toBe(ALL_SECTIONS);
  });

  it('a Schelling city that keeps its attributes counted once gives, every day, the bytes of a full recount', () => {
    const sc = scenarioFrom('classic-schelling.json', { 'population.residents': 2400, days: 60 });
    const daily = expectRetakesMatchRecounts(sc, 60);
    // What is recounted changed: residents moved between tracts, and some migrants crossed a band of years since arrival.
    expect(daily[60].tractGroupCounts).not.toBe(daily[0].tractGroupCounts);
    expect(daily[60].adultsByYears).not.toBe(daily[0].adultsByYears);
  });

  it('the same on several blocks and two threads, and with several districts', () => {
    const big = scenarioFrom('classic-schelling.json', { 'population.residents': Math.round(2.2 * BLOCK), 'city.density': 0.9 });
    expect(censusLayout(new Simulation(big).world).blocks).toBeGreaterThanOrEqual(3);
    expectRetakesMatchRecounts(big, 4, 2);
    expectRetakesMatchRecounts(scenarioFrom('classic-schelling.json', { 'population.residents': 6000, 'city.districtsX': 3, 'city.districtsY': 2 }), 10);
  }, 120_000);
});
