import { describe, expect, it } from 'vitest';
import { probeSeconds, probeWork } from '../../bench/hostProbe.ts';

describe('the host probe', () => {
  it('does the same work on every call, so its time moves only with the host', () => {
    const first = probeWork();
    expect(probeWork()).toBe(first);
    // The work is not optimised away: the checksum depends on the cells it updated.
    expect(first).not.toBe(0);
  });

  it('times that work to the millisecond', () => {
    const s = probeSeconds();
    expect(s).toBeGreaterThan(0);
    expect(Math.abs(s * 1000 - Math.round(s * 1000))).toBeLessThan(1e-9);
  });
});
