import { describe, expect, it } from 'vitest';
import { selfByFile, summariseProfiles, topBySelf, topByTotal, type CpuProfile } from '../../bench/cpuProfile.ts';

const frame = (functionName: string, url = '', columnNumber = 0) => ({ functionName, url, lineNumber: 0, columnNumber });

/** root -> a -> b -> a (recursion), and root -> (idle); samples b, a (inner), a, idle. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('a', 'file:///repo/sim/model/a.ts?tsx-namespace=1', 10), children: [3] },
    { id: 3, callFrame: frame('b', 'file:///repo/sim/engine/b.ts', 5), children: [4] },
    { id: 4, callFrame: frame('a', 'file:///repo/sim/model/a.ts?tsx-namespace=1', 10) },
    { id: 5, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 8000,
  samples: [3, 4, 2, 5],
  timeDeltas: [0, 1000, 2000, 3000],
};

describe('cpu profile summary', () => {
  const summary = summariseProfiles([profile], '/repo');
  const byName = (n: string) => summary.functions.find((f) => f.name === n)!;

  it('gives each sample the time until the next one, and keeps idle time apart', () => {
    expect(summary.totalMs).toBeCloseTo(6, 9);
    expect(summary.idleMs).toBeCloseTo(2, 9); // the last sample gets the mean interval
  });

  it('counts self time at the top frame and total time once per sample, even through recursion', () => {
    expect(byName('b').selfMs).toBeCloseTo(1, 9);
    expect(byName('a').selfMs).toBeCloseTo(5, 9);
    expect(byName('b').totalMs).toBeCloseTo(3, 9);
    expect(byName('a').totalMs).toBeCloseTo(6, 9);
    expect(byName('a').file).toBe('sim/model/a.ts');
  });

  it('adds up several threads and ranks functions and files', () => {
    const two = summariseProfiles([profile, profile], '/repo');
    expect(two.totalMs).toBeCloseTo(12, 9);
    expect(topBySelf(two, 1)[0].name).toBe('a');
    expect(topByTotal(two, 5, ['sim/engine/']).map((f) => f.name)).toEqual(['b']);
    expect(selfByFile(two, 5)).toEqual([
      ['sim/model/a.ts', 10],
      ['sim/engine/b.ts', 2],
    ]);
  });
});
