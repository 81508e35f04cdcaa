import { describe, expect, it } from 'vitest';
import { amdahlLines } from '../../bench/amdahl.ts';

describe('the serial fraction of a profile', () => {
  it('is the busy time outside the parallel phases, with Amdahl speed-ups for more cores', () => {
    const f = (name: string, file: string, totalMs: number) => ({ name, file, selfMs: 0, totalMs });
    // 10 s busy: 8 s in parallel phases, 1 s building the city, 1 s of serial work over 10 days.
    const summary = {
      totalMs: 10_000,
      idleMs: 0,
      functions: [f('meetSpaces', 'sim/model/meet.ts', 5000), f('planSlot', 'sim/model/schedule.ts', 3000), f('Simulation', 'sim/engine/simulation.ts', 1000)],
    };
    const text = amdahlLines(summary, 10).join('\n');
    // s = 0.2: 2 cores 1 / (0.2 + 0.4) = 1.67, 16 cores 1 / (0.2 + 0.05) = 4.0, limit 5.
    expect(text).toContain('| 10 days, as profiled | 20.0% | 1.67× | 4.0× | 4.7× | 5.0× |');
    // A year: (1 + 36.5) / (1 + 36.5 + 292) = 11.4% serial.
    expect(text).toContain('| 365 days, extrapolated | 11.4% |');
  });
});
