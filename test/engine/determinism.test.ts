import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCity } from '../../sim/engine/runCity.ts';
import { parallelFor } from '../../sim/engine/parallel/parallelFor.ts';
import { smallCity, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(name: string, workers: number, seed = 3) {
  const out = path.join(dir, name);
  runCity(smallCity({ seed, days: 12, 'population.residents': 4000 }), { out, workers, agents: true, parallel: parallelFor });
  return {
    metrics: fs.readFileSync(path.join(out, 'metrics.csv')),
    agents: fs.readFileSync(path.join(out, 'agents.csv')),
    frames: fs.readFileSync(path.join(out, 'frames.bin')),
  };
}

describe('reproducibility', () => {
  const one = run('w1', 1);

  it('the same scenario and seed write byte-identical metrics.csv, agents.csv and frames', () => {
    const again = run('w1-again', 1);
    expect(again.metrics.equals(one.metrics)).toBe(true);
    expect(again.agents.equals(one.agents)).toBe(true);
    expect(again.frames.equals(one.frames)).toBe(true);
  });

  it.each([2, 3, 4])('%i workers write the same bytes as 1', (workers) => {
    const many = run(`w${workers}`, workers);
    expect(many.metrics.equals(one.metrics)).toBe(true);
    expect(many.agents.equals(one.agents)).toBe(true);
    expect(many.frames.equals(one.frames)).toBe(true);
  });

  it('another seed gives another run', () => {
    const other = run('seed4', 1, 4);
    expect(other.metrics.equals(one.metrics)).toBe(false);
  });
});
