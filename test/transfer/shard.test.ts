import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { writeTransfer } from './fixtures.ts';

const dir = tempDir('icity-transfer-shard-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OUTPUTS = ['transfer.csv', 'cities.csv', 'report.md'];

describe('a transfer experiment in shards', () => {
  it('two shards into one folder give the same outputs as one process', () => {
    const file = writeTransfer(dir, 'tiny.json', (t) => {
      t.cities = [t.cities[0]];
      t.practices = [t.practices[1]];
      t.days = 10;
      t.reportDays = ['end'];
    });
    const whole = path.join(dir, 'whole');
    const sharded = path.join(dir, 'sharded');
    expect(icity(['experiment', file, '--out', whole, '--workers', '2']).status).toBe(0);
    const first = icity(['experiment', file, '--out', sharded, '--shard', '1/2', '--workers', '2']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Some runs are not finished yet/);
    expect(fs.existsSync(path.join(sharded, 'transfer.csv'))).toBe(false);
    const second = icity(['experiment', file, '--out', sharded, '--shard', '2/2', '--workers', '2']);
    expect(second.status, second.stderr).toBe(0);
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(sharded, f), 'utf8'), f).toBe(fs.readFileSync(path.join(whole, f), 'utf8'));
  }, 240_000);
});
