import { describe, expect, it } from 'vitest';
import { parallelFor, type ThreadedFor } from '../../sim/engine/parallel/parallelFor.ts';
import { threadContext } from '../../sim/model/context.ts';
import { settleHouseholds } from '../../sim/model/settleResidents.ts';
import { compile } from '../../sim/model/compile.ts';
import { buildCity, spaceRequests } from '../../sim/policies/spaceRequests.ts';
import { Count } from '../../sim/model/world.ts';
import type { SharedArrays } from '../../sim/model/shared.ts';
import { smallCity } from '../helpers.ts';

/** Every named array of a city, as bytes, leaving out what only a threaded run allocates (the census rows). */
function bytesOf(arrays: SharedArrays): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [name, e] of Object.entries(arrays.describe())) if (!name.startsWith('census.')) out.set(name, Buffer.from(e.buffer));
  return out;
}

describe('settling the initial residents', () => {
  const scenario = smallCity({ 'population.residents': 20_000 });

  it('gives the same city, byte for byte, on one thread and shared among three', () => {
    const serial = bytesOf(buildCity(scenario).arrays);
    let threads: ThreadedFor | undefined;
    try {
      const city = buildCity(scenario, scenario.seed, (c) => (threads = parallelFor(c, 3)));
      expect(threads?.threads).toBe(3);
      const shared = bytesOf(city.arrays);
      expect([...shared.keys()]).toEqual([...serial.keys()]);
      for (const [name, bytes] of serial) expect(shared.get(name)?.equals(bytes), name).toBe(true);
    } finally {
      threads?.close();
    }
  });

  it('gives the same residents whatever order the households are taken in', () => {
    const inOrder = bytesOf(buildCity(scenario).arrays);
    let households = 0;
    const reversed = compile(scenario, spaceRequests(scenario), scenario.seed, (city) => {
      households = city.world.counts[Count.households];
      const ctx = threadContext(city.world);
      return {
        threads: 2,
        run: (_phase, total) => {
          for (let end = total; end > 0; end -= 97) settleHouseholds(ctx, 0, 0, Math.max(0, end - 97), end);
        },
      };
    });
    expect(households).toBeGreaterThan(5000);
    const out = bytesOf(reversed.arrays);
    for (const [name, bytes] of inOrder) expect(out.get(name)?.equals(bytes), name).toBe(true);
  });
});
