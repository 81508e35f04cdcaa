import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCity } from '../../sim/engine/runCity.ts';
import { scenarioFrom, tempDir } from '../helpers.ts';

const dir = tempDir('icity-record-every-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rowsOf = (run: string) => fs.readFileSync(path.join(run, 'metrics.csv'), 'utf8').trimEnd().split('\n');

describe('record.every', () => {
  const sets = { 'population.residents': 2000, days: 20, 'record.framesEvery': 5 };
  const daily = path.join(dir, 'daily');
  const weekly = path.join(dir, 'weekly');
  runCity(scenarioFrom('default.json', sets), { out: daily, threads: 1 });
  runCity(scenarioFrom('default.json', { ...sets, 'record.every': 7 }), { out: weekly, threads: 1 });

  it('writes day 0, every 7th day and the last day, each row exactly as a daily run writes it', () => {
    const all = rowsOf(daily);
    const some = rowsOf(weekly);
    expect(some.map((line) => line.split(',')[0])).toEqual(['day', '0', '7', '14', '20']);
    expect(some).toEqual([all[0], all[1], all[8], all[15], all[21]]);
  });

  it('leaves the dynamics and the frames unchanged', () => {
    for (const file of ['frames.bin', 'frames.json']) expect(fs.readFileSync(path.join(weekly, file))).toEqual(fs.readFileSync(path.join(daily, file)));
    const manifest = JSON.parse(fs.readFileSync(path.join(weekly, 'manifest.json'), 'utf8'));
    expect(manifest.files['metrics.csv']).toMatch(/every 7 days/);
  });
});
