import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { InputError } from '../../sim/engine/inputError.ts';
import { scenarioFrom } from '../helpers.ts';
import { scenarioOverrides, toSets } from './scenarioArbitrary.ts';

const BOUNDED = /^(share|index 0\.\.1|scale 0\.\.1|proficiency 0\.\.1)$/;
const RUNS = 100;

/** Runs a random scenario, checking the invariants every day; returns the indicator rows. */
function runChecked(file: string, sets: Record<string, unknown>): number[][] | undefined {
  let scenario: ReturnType<typeof scenarioFrom>;
  try {
    scenario = scenarioFrom(file, sets);
  } catch (err) {
    // Some combinations break a cross-field rule (e.g. education shares above 1): the parser
    // must say so clearly, and there is nothing to run.
    expect(err).toBeInstanceOf(InputError);
    return undefined;
  }
  const sim = new Simulation(scenario);
  const cols = sim.columns;
  const rows: number[][] = [];
  let prev = sim.indicators();
  for (let d = 0; d < scenario.days; d++) {
    sim.advance();
    const now = sim.indicators();
    const byName = now as Record<string, number>;
    for (const c of cols) {
      const v = byName[c.name];
      expect(Number.isFinite(v), `${c.name} is ${v} on day ${sim.day}`).toBe(true);
      if (BOUNDED.test(c.unit) && c.name !== 'employment_gap') {
        expect(v, c.name).toBeGreaterThanOrEqual(0);
        expect(v, c.name).toBeLessThanOrEqual(1 + 1e-9);
      }
      if (c.unit === '%') expect(v >= 0 && v <= 100, c.name).toBe(true);
    }
    expect(Math.abs(now.employment_gap)).toBeLessThanOrEqual(1);
    // Population changes only by arrivals, births, departures and deaths.
    expect(now.population).toBe(prev.population + now.arrivals + now.births - now.departures - now.deaths);
    rows.push(cols.map((c) => byName[c.name]));
    prev = now;
  }
  sim.close();
  return rows;
}

describe('invariants over random valid scenarios (property-based)', () => {
  it.each(['default.json', 'classic-schelling.json'])('%s: conserved population, bounded shares, no NaN, same seed same numbers', (file) => {
    let ran = 0;
    fc.assert(
      fc.property(scenarioOverrides, (o) => {
        const sets = toSets(o);
        const first = runChecked(file, sets);
        if (!first) return;
        ran++;
        expect(runChecked(file, sets)).toEqual(first);
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    // Most random scenarios are valid and were run, not refused.
    expect(ran).toBeGreaterThan(RUNS * 0.6);
  });
});
