import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine/simulation.ts';
import { runCity } from '../../sim/engine/runCity.ts';
import { parallelFor } from '../../sim/engine/parallel/parallelFor.ts';
import { Census } from '../../sim/model/census.ts';
import { BLOCK, censusLayout } from '../../sim/model/censusLayout.ts';
import { AgeClass } from '../../sim/model/spaceTypes.ts';
import { Count } from '../../sim/model/world.ts';
import { scenarioFrom, tempDir } from '../helpers.ts';

/** A city of more than two census blocks, so partial sums from several blocks are combined. */
const big = () => scenarioFrom('default.json', { 'population.residents': Math.round(2.2 * BLOCK), days: 2 });

describe('census in blocks', () => {
  it('a city larger than a block is counted in several blocks, and the counts match the state', () => {
    const sim = new Simulation(big());
    const w = sim.world;
    expect(censusLayout(w).blocks).toBeGreaterThanOrEqual(3);
    // Days of births, deaths and departures, which change households' sizes and empty dwellings.
    const happened = { births: 0, deaths: 0, departed: 0 };
    for (let d = 0; d < 10; d++) {
      sim.advance();
      for (const k of ['births', 'deaths', 'departed'] as const) happened[k] += sim.census.demography[k];
    }
    expect(happened.births * happened.deaths * happened.departed).toBeGreaterThan(0);
    let residents = 0;
    let migrants = 0;
    const G = w.sizes.groups;
    const byTract = new Float64Array(w.sizes.tracts * G);
    const byDistrict = new Float64Array(w.sizes.districts);
    const migrantsByDistrict = new Float64Array(w.sizes.districts);
    for (let i = 0; i < w.counts[Count.residents]; i++) {
      if (w.residents.age[i] === AgeClass.gone) continue;
      const h = w.residents.household[i];
      const migrant = w.residents.group[i] !== sim.census.host;
      residents++;
      if (migrant) migrants++;
      byTract[w.dwellings.tract[w.households.dwelling[h]] * G + w.residents.group[i]]++;
      byDistrict[w.households.district[h]]++;
      if (migrant) migrantsByDistrict[w.households.district[h]]++;
    }
    expect(sim.census.total(sim.census.residents)).toBe(residents);
    expect(sim.census.migrants(sim.census.residents)).toBe(migrants);
    // The tract and district tables are kept as households move in, move, grow, shrink and
    // leave: the same as a count resident by resident.
    expect(sim.census.tractGroupCounts).toEqual(byTract);
    expect(w.sizes.districts).toBeGreaterThan(1);
    expect(sim.census.districtResidents).toEqual(byDistrict);
    expect(sim.census.districtMigrants).toEqual(migrantsByDistrict);
    // A census of its own (counted on this thread) gives the same bytes as the simulation's.
    const own = new Census(w).take(sim.day);
    expect(Buffer.from(own.prejudice.buffer, own.prejudice.byteOffset, own.prejudice.byteLength)).toEqual(
      Buffer.from(sim.census.prejudice.buffer, sim.census.prejudice.byteOffset, sim.census.prejudice.byteLength),
    );
    expect(own.like).toBe(sim.census.like);
    sim.close();
  });

  it('outputs of a several-block city are the same bytes on 1, 2, 3 and 4 threads', () => {
    const dir = tempDir('icity-blocks-');
    try {
      const digests = [1, 2, 3, 4].map((threads) => {
        const out = path.join(dir, `t${threads}`);
        runCity(big(), { out, threads, parallel: parallelFor });
        return ['metrics.csv', 'frames.bin'].map((f) => fs.readFileSync(path.join(out, f)).toString('base64')).join('|');
      });
      expect(new Set(digests).size).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
