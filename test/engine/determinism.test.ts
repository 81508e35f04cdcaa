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
  runCity(smallCity({ seed, days: 12, 'population.residents': 4000 }), { out, workers, agents: true, agentsEvery: 5, parallel: parallelFor });
  const files = fs
    .readdirSync(out)
    .filter((f) => f !== 'manifest.json')
    .sort();
  expect(files).toEqual(['agents.csv', 'agents.parquet', 'frames.bin', 'frames.json', 'metrics.csv', 'metrics.parquet', 'panel.parquet']);
  const bytes = (f: string) => fs.readFileSync(path.join(out, f));
  return {
    metrics: bytes('metrics.csv'),
    agents: bytes('agents.csv'),
    frames: bytes('frames.bin'),
    parquet: ['metrics.parquet', 'agents.parquet', 'panel.parquet'].map(bytes),
  };
}

describe('reproducibility', () => {
  const one = run('w1', 1);

  it('the same scenario and seed write byte-identical metrics, agents, panel (CSV and Parquet) and frames', () => {
    const again = run('w1-again', 1);
    expect(again.metrics.equals(one.metrics)).toBe(true);
    expect(again.agents.equals(one.agents)).toBe(true);
    expect(again.frames.equals(one.frames)).toBe(true);
    again.parquet.forEach((b, k) => {
      expect(b.equals(one.parquet[k])).toBe(true);
    });
  });

  it.each([2, 3, 4])('%i workers write the same bytes as 1', (workers) => {
    const many = run(`w${workers}`, workers);
    expect(many.metrics.equals(one.metrics)).toBe(true);
    expect(many.agents.equals(one.agents)).toBe(true);
    expect(many.frames.equals(one.frames)).toBe(true);
    many.parquet.forEach((b, k) => {
      expect(b.equals(one.parquet[k])).toBe(true);
    });
  });

  it('another seed gives another run', () => {
    const other = run('seed4', 1, 4);
    expect(other.metrics.equals(one.metrics)).toBe(false);
  });
});
