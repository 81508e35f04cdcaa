import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, scenarioFrom, tempDir } from '../helpers.ts';
import { estimateRunBytes } from '../../sim/engine/memoryEstimate.ts';
import { buildCity } from '../../sim/policies/spaceRequests.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the size guard', () => {
  it('refuses a run that would not fit, with the estimate and the limit, before writing anything', () => {
    const out = path.join(dir, 'big');
    const r = icity(['run', 'scenarios/default.json', '--out', out, '--memory-limit', '100']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/population\.residents: found 100000; this run needs about \d+ MB of memory and the limit is 100 MB \(--memory-limit\)/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('lets a run that fits go ahead', () => {
    const r = icity(['run', 'scenarios/classic-schelling.json', '--out', path.join(dir, 'small'), '--days', '2', '--memory-limit', '2000']);
    expect(r.status).toBe(0);
  });

  it('the estimate covers the shared state actually allocated', () => {
    for (const n of [5000, 40000]) {
      const scenario = scenarioFrom('default.json', { 'population.residents': n });
      const shared = buildCity(scenario).arrays.bytes();
      const estimate = estimateRunBytes(scenario, 1);
      expect(estimate).toBeGreaterThan(shared);
      // and not wildly more than state plus a fixed base
      expect(estimate).toBeLessThan(shared * 3 + 200 * 1024 * 1024);
    }
  });
});
