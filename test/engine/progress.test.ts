import { describe, expect, it } from 'vitest';
import { Progress } from '../../sim/engine/progress.ts';

/** A fake terminal of a given width and a clock the test moves. */
function terminal(columns: number) {
  const writes: string[] = [];
  let t = 0;
  return { out: { isTTY: true, columns, write: (s: string) => writes.push(s) }, writes, clock: { now: () => t, set: (ms: number) => (t = ms) } };
}

describe('Progress', () => {
  it('never draws a line wider than the terminal, whatever the width', () => {
    for (const columns of [20, 40, 60, 80, 200]) {
      const term = terminal(columns);
      const p = new Progress('a-rather-long-scenario-name', 3650, true, term.out, term.clock.now);
      for (let day = 1; day <= 3650; day += 73) {
        term.clock.set(day * 10);
        p.update(day, `day ${day}`);
      }
      expect(term.writes.length).toBeGreaterThan(3);
      for (const w of term.writes) expect(w.replace('\r', '').replace('\x1b[K', '').length).toBeLessThan(columns);
    }
  });

  it('estimates from the recent pace once there is enough to go on, not from a slow start', () => {
    const term = terminal(100);
    const p = new Progress('run', 1000, true, term.out, term.clock.now);
    // A slow start (8 s for 10 days of setup and warm-up), then 100 days per second.
    expect(p.line(10, 1500)).toContain('estimating');
    for (let t = 8000, day = 10; day <= 500; t += 200, day += 20) {
      term.clock.set(t);
      p.update(day);
    }
    const line = p.line(500, 8000 + 200 * 25);
    const left = Number(/about (\d+)s left/.exec(line)?.[1]);
    expect(left).toBeGreaterThanOrEqual(4);
    expect(left).toBeLessThanOrEqual(6);
  });

  it('stays silent when the stream is not a terminal', () => {
    const writes: string[] = [];
    const p = new Progress('run', 10, true, { isTTY: false, write: (s: string) => writes.push(s) }, () => 5000);
    p.update(5);
    p.done();
    expect(writes).toEqual([]);
  });
});
