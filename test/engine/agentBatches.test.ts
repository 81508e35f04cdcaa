import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { agentBatches } from '../../sim/engine/agents.ts';
import { scenarioFrom } from '../helpers.ts';

const batches = (sim: Simulation) => [...agentBatches(sim.world, sim.day)];

describe('the residents table of a corrupt city', () => {
  it('names the resident and the field whose code has no label, instead of writing an empty cell', () => {
    const sim = new Simulation(scenarioFrom('default.json', { 'population.residents': 500, days: 1 }));
    try {
      const r = sim.world.residents;
      expect(batches(sim)[0][13][7]).toBe(['low', 'medium', 'high'][r.education[7]]);
      const education = r.education[7];
      r.education[7] = 9;
      expect(() => batches(sim)).toThrow("agents: resident 7 has education 9, which has no label: the city's state is corrupt");
      r.education[7] = education;
      r.language[12] = Number.NaN;
      expect(() => batches(sim)).toThrow('agents: resident 12 has language NaN');
      r.language[12] = -0.5;
      expect(() => batches(sim)).toThrow('agents: resident 12 has language -0.5');
    } finally {
      sim.close();
    }
  });
});
