import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { writeExperiment } from '../experiment/fixtures.ts';
import { inShard, parseShard } from '../../sim/engine/experiment/shard.ts';
import { InputError } from '../../sim/engine/inputError.ts';

const dir = tempDir('icity-shard-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// 2 arms × 3 replications of a 1,500-resident city over 15 days: 6 runs, 3 per shard.
const file = writeExperiment(dir, 'sharded.json', (e) => {
  e.set['population.residents'] = 1500;
  e.days = 15;
  e.replications = 3;
  e.reportDays = [10, 'end'];
});
const OUTPUTS = ['summary.csv', 'series.csv', 'series.parquet', 'report.md'];

describe('shards', () => {
  it('deal every run to exactly one shard, round-robin', () => {
    for (const count of [1, 2, 3, 7]) {
      for (let k = 0; k < 20; k++) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(k, { index, count }));
        expect(owners).toEqual([(k % count) + 1]);
      }
    }
  });

  it('--shard must be i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '-1/2']) expect(() => parseShard(bad)).toThrow(InputError);
    const r = icity(['experiment', file, '--shard', '3/2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--shard: found "3\/2"; expected i\/n with 1 ≤ i ≤ n/);
  });
});

describe('icity experiment --shard i/n, then icity summarise', () => {
  const local = path.join(dir, 'local');
  const out = path.join(dir, 'sharded');

  it("shard 1/2 does its 3 runs and writes no summary while the other shard's runs are missing", () => {
    const r = icity(['experiment', file, '--out', out, '--shard', '1/2', '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Experiment small, shard 1\/2: 3 of its 6 runs \(3 ran, 0 reused\)/);
    expect(r.stdout).toMatch(/3 runs of the experiment are not finished yet \(other shards\)/);
    expect(fs.existsSync(path.join(out, 'summary.csv'))).toBe(false);
    // Round-robin over replication 1 (baseline, allport), 2, 3: shard 1 has runs 0, 2, 4.
    expect(fs.readdirSync(path.join(out, 'runs', 'baseline')).sort()).toEqual(['1', '2', '3']);
    expect(fs.existsSync(path.join(out, 'runs', 'allport'))).toBe(false);
    const missing = icity(['summarise', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(3);
    expect(missing.stderr).toMatch(/runs\/allport\/1 is missing \(arm allport, replication 1, seed 7\)/);
  });

  it('shard 2/2 in another process finishes the rest and, finding every run there, writes the summary; summarise rebuilds the same bytes, equal to a local run', () => {
    const r = icity(['experiment', file, '--out', out, '--shard', '2/2', '--workers', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ runs: 6, ran: 3, reused: 0, unfinished: 0, summarised: true });
    const written = OUTPUTS.map((f) => fs.readFileSync(path.join(out, f)));
    for (const f of OUTPUTS) fs.rmSync(path.join(out, f));
    const s = icity(['summarise', out]);
    expect(s.status, s.stderr).toBe(0);
    OUTPUTS.forEach((f, k) => {
      expect(fs.readFileSync(path.join(out, f)).equals(written[k]), f).toBe(true);
    });

    const l = icity(['experiment', file, '--out', local, '--workers', '2']);
    expect(l.status, l.stderr).toBe(0);
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(local, f))), f).toBe(true);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.distributed).toEqual({ shard: '2/2' });
    expect(m.runs.every((x: { status: string }) => x.status === 'done' || x.status === 'reused')).toBe(true);
  });

  it('a shard run again reuses its finished runs', () => {
    const r = icity(['experiment', file, '--out', out, '--shard', '1/2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ran: 0, reused: 3, unfinished: 0, summarised: true });
  });
});
