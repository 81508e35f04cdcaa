import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCity } from '../../sim/engine/runCity.ts';
import { scenarioFrom, tempDir } from '../helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** metrics.csv and frames.bin of a run of so many days of a fast-growing county. */
function run(days: number): { metrics: string[]; frames: Buffer; frameBytes: number } {
  const dir = tempDir();
  dirs.push(dir);
  const out = path.join(dir, 'run');
  runCity(scenarioFrom('southern-us-county.json', { 'population.residents': 2000, days, 'record.framesEvery': 1 }), { out, threads: 1 });
  const header = JSON.parse(fs.readFileSync(path.join(out, 'frames.json'), 'utf8'));
  return {
    metrics: fs.readFileSync(path.join(out, 'metrics.csv'), 'utf8').split('\n'),
    frames: fs.readFileSync(path.join(out, 'frames.bin')),
    frameBytes: header.frameBytes,
  };
}

describe('the length of a run', () => {
  it('the first 30 days of a 30-day run and of a 365-day run are the same bytes', () => {
    const short = run(30);
    const long = run(365);
    expect(long.frameBytes).toBe(short.frameBytes);
    // The header and days 0..30.
    expect(long.metrics.slice(0, 32)).toEqual(short.metrics.slice(0, 32));
    expect(long.frames.subarray(0, 31 * short.frameBytes).equals(short.frames)).toBe(true);
  });
});
