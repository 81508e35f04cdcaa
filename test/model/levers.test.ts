import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { LEVERS, LEVER_NAMES, type Levers } from '../../sim/model/levers.ts';
import type { DayPolicies } from '../../sim/model/step.ts';
import { ROOT, scenarioFrom } from '../helpers.ts';

/** Names of the levers that are not at their neutral value. */
function offNeutral(levers: Levers): string[] {
  return LEVER_NAMES.filter((name) => levers[name].some((v) => v !== Math.fround(LEVERS[name].neutral)));
}

/** Every policy of all-policies.json, running from day 0 in a small city. */
function allPolicies(): Simulation {
  const sc = scenarioFrom('all-policies.json', { 'population.residents': 3000 });
  return new Simulation({ ...sc, policies: sc.policies.map((p) => ({ ...p, start: 0 })) });
}

describe('levers', () => {
  it('every lever is back at its neutral value when the policies start a day, whatever they set the day before', () => {
    const sim = allPolicies();
    const parts = (sim as unknown as { parts: { policies: DayPolicies } }).parts;
    const host = parts.policies;
    const atStart: string[][] = [];
    const afterPolicies: string[][] = [];
    parts.policies = {
      beforeDay(day, cut, residentsIn) {
        atStart.push(offNeutral(sim.world.levers));
        host.beforeDay(day, cut, residentsIn);
        afterPolicies.push(offNeutral(sim.world.levers));
      },
    };
    for (let d = 0; d < 8; d++) sim.advance();
    sim.close();
    expect(atStart).toEqual(Array.from({ length: 8 }, () => []));
    // The policies did move levers each day, so the reset had something to undo.
    const moved = new Set(afterPolicies.flat());
    expect(moved.size).toBeGreaterThan(LEVER_NAMES.length / 2);
  });

  it('each lever is read in the model file it names', () => {
    for (const name of LEVER_NAMES) {
      for (const file of LEVERS[name].readBy.split(', ')) {
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        expect(text.includes(`levers.${name}`) || new RegExp(`\\b${name}\\b`).test(text), `${name} in ${file}`).toBe(true);
      }
    }
  });
});
