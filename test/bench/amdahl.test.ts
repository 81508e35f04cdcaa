import { describe, expect, it } from 'vitest';
import { amdahlLines } from '../../bench/amdahl.ts';

describe('the serial fraction of a profile', () => {
  it('is the busy time outside the parallel phases, with Amdahl speed-ups for more cores', () => {
    const f = (name: string, file: string, totalMs: number) => ({ name, file, selfMs: 0, totalMs });
    // 10 s busy: 1 s loading, 9 s in runCity of which 1 s building the city and 7.7 s in parallel phases
    // (0.2 s of it the census of day 0), so 0.03 s a day serial, 0.75 s a day parallel.
    const summary = {
      totalMs: 10_000,
      idleMs: 0,
      functions: [
        f('runCity', 'sim/engine/runCity.ts', 9000),
        f('Simulation', 'sim/engine/simulation.ts', 1200),
        f('meetSpaces', 'sim/model/meet.ts', 5500),
        f('countCensusBlocks', 'sim/model/censusBlock.ts', 2200),
      ],
    };
    const text = amdahlLines(summary, 10).join('\n');
    // s = (1 + 1 + 0.3) / 10 = 23%: 2 cores 1 / (0.23 + 0.385) = 1.63.
    expect(text).toContain('| 10 days, as profiled | 23.0% | 1.63× |');
    // A year: (2 + 365 * 0.03) / (2 + 0.2 + 365 * 0.78) = 12.95 / 286.9 = 4.5% serial.
    expect(text).toContain('| 365 days, extrapolated | 4.5% |');
  });
});
