import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icity, ROOT, tempDir } from '../helpers.ts';
import { csvObjects, writeTransfer } from './fixtures.ts';
import { loadTransfer } from '../../sim/engine/transfer/loadTransfer.ts';
import { runTransfer, type TransferResult } from '../../sim/engine/transfer/runTransfer.ts';
import { TRANSFER_COLUMNS } from '../../sim/engine/transfer/transferRows.ts';
import { INDICATORS } from '../../sim/model/indicators.ts';

const dir = tempDir('icity-transfer-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OUTPUTS = ['transfer.csv', 'cities.csv', 'report.md'];
const read = (d: string, f: string) => fs.readFileSync(path.join(d, f), 'utf8');

describe('a small transfer experiment', () => {
  let file: string;
  let out: string;
  let result: TransferResult;
  beforeAll(async () => {
    file = writeTransfer(dir, 'small.json');
    out = path.join(dir, 'out');
    result = await runTransfer(loadTransfer(file), { out, workers: 2, progress: false });
  }, 240_000);

  it("runs every city's baseline and arms and writes transfer.csv, cities.csv and report.md", () => {
    // Per city: the baseline, two variants of the classes and the renewal, 2 replications each.
    expect(result.cities.map((c) => [c.name, c.result.runs, c.result.failed.length])).toEqual([
      ['teaching', 8, 0],
      ['turin', 8, 0],
    ]);
    for (const f of OUTPUTS) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    expect(fs.existsSync(path.join(out, 'cities', 'turin', 'summary.csv'))).toBe(true);
  });

  it('transfer.csv has one row per practice x city x variant x metric x report day, equal to the paired effects of each city', () => {
    const text = read(out, 'transfer.csv');
    expect(text.split('\n')[0]).toBe(TRANSFER_COLUMNS.join(','));
    const rows = csvObjects(path.join(out, 'transfer.csv'));
    expect(rows.length).toBe(2 * 3 * 3 * 2);
    for (const city of ['teaching', 'turin']) {
      const summary = csvObjects(path.join(out, 'cities', city, 'summary.csv'));
      const baseline = (metric: string, day: string) => summary.find((s) => s.arm === 'baseline' && s.metric === metric && s.day === day)!;
      for (const r of rows.filter((x) => x.city === city)) {
        const s = summary.find((x) => x.arm === `${r.practice}--${r.variant}` && x.metric === r.metric && x.day === r.day)!;
        expect(s, `${r.practice} ${r.variant} ${r.metric}`).toBeDefined();
        expect([r.effect, r.low, r.high]).toEqual([s.diff, s.diff_ci_low, s.diff_ci_high]);
        expect(Number(r.cost)).toBeCloseTo(Number(s.cost) - Number(baseline(r.metric, r.day).cost), 6);
        const low = Number(r.low);
        const high = Number(r.high);
        const better = INDICATORS.find((i) => i.name === r.metric)!.better;
        const clearGain = (low > 0 || high < 0) && better * Number(r.effect) > 0;
        if (!clearGain) expect(r.cost_per_unit, `${r.practice} ${r.metric}`).toBe('');
        else {
          const perPoint = INDICATORS.find((i) => i.name === r.metric)!.unit === 'share' ? 100 : 1;
          // The effect in the file is rounded, so the two agree to its precision.
          expect(Number(r.cost_per_unit) / (Number(r.cost) / (Math.abs(Number(r.effect)) * perPoint))).toBeCloseTo(1, 1);
        }
      }
    }
    // The classes cost money and the doubled classes more; trust rises clearly somewhere.
    const trust = rows.filter((r) => r.practice === 'cardiff-classes' && r.metric === 'trust_migrant' && r.day === '20');
    for (const city of ['teaching', 'turin']) {
      const [a, b] = ['adapted', 'double-seats'].map((v) => Number(trust.find((r) => r.city === city && r.variant === v)!.cost));
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(a);
    }
    expect(trust.some((r) => r.cost_per_unit !== '')).toBe(true);
  });

  it("cities.csv gives each city's characteristics at day 0 of its baseline", () => {
    const cities = csvObjects(path.join(out, 'cities.csv'));
    expect(cities.map((c) => [c.city, c.groups])).toEqual([
      ['teaching', '2'],
      ['turin', '9'],
    ]);
    const day0 = csvObjects(path.join(out, 'cities', 'turin', 'runs', 'baseline', '1', 'metrics.csv'))[0];
    const day0b = csvObjects(path.join(out, 'cities', 'turin', 'runs', 'baseline', '2', 'metrics.csv'))[0];
    const turin = cities[1];
    expect(Number(turin.migrant_share)).toBeCloseTo((Number(day0.migrant_share) + Number(day0b.migrant_share)) / 2, 5);
    expect(Number(turin.language_gap)).toBeCloseTo(1 - (Number(day0.language_mean) + Number(day0b.language_mean)) / 2, 5);
  });

  it('the manifest records how each practice was adapted to each city', () => {
    const m = JSON.parse(read(out, 'manifest.json'));
    expect(m.format).toBe('icity-transfer');
    const turin = m.cities.find((c: { name: string }) => c.name === 'turin');
    const classes = turin.arms.find((a: { arm: string }) => a.arm === 'cardiff-classes--adapted');
    // Turin's largest migrant group; Cardiff's 150 seats for its 4,800 migrants, scaled to Turin's at 1,500 residents.
    expect(classes.policy.target).toEqual(['romania']);
    const hostShare = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'turin.json'), 'utf8')).population.groups.find(
      (g: { host?: boolean }) => g.host,
    ).share;
    expect(classes.policy.seats).toBe(Math.round((150 * 1500 * (1 - hostShare)) / 4800));
    expect(turin.arms.find((a: { arm: string }) => a.arm === 'cardiff-classes--double-seats').policy.seats).toBe(2 * classes.policy.seats);
    const renewal = turin.arms.find((a: { arm: string }) => a.arm === 'renewal--adapted');
    expect(renewal.policy.districts).toHaveLength(1);
    expect(m.catalogue['porta-palazzo-renewal'].speaker).toMatch(/Curti/);
  });

  it('report.md says per practice where it works and where it does not, in words, with the city characteristics', () => {
    const report = read(out, 'report.md');
    expect(report).toMatch(/## Language classes with police officers/);
    expect(report).toMatch(/## Holistic renewal of public space and markets/);
    expect(report).toMatch(/cover simulation noise only/);
    expect(report).toMatch(
      /In (teaching|turin) \(\d+% migrants in \d+ groups?, segregation D \d\.\d\d, language gap \d\.\d\d, employment gap -?\d+ points\), it /,
    );
    expect(report).toMatch(/no clear effect|a clear improvement/);
  });

  it('gives the same bytes with one thread, and resumes a run that is missing', async () => {
    const again = path.join(dir, 'again');
    await runTransfer(loadTransfer(file), { out: again, workers: 1, progress: false });
    for (const f of OUTPUTS) expect(read(again, f), f).toBe(read(out, f));
    // A lost run is run again and nothing else: the outputs do not change.
    fs.rmSync(path.join(again, 'cities', 'turin', 'runs', 'renewal--adapted', '2'), { recursive: true });
    fs.rmSync(path.join(again, 'transfer.csv'));
    const resumed = await runTransfer(loadTransfer(file), { out: again, workers: 2, progress: false });
    expect(resumed.cities.map((c) => [c.name, c.result.ran, c.result.reused])).toEqual([
      ['teaching', 0, 8],
      ['turin', 1, 7],
    ]);
    for (const f of OUTPUTS) expect(read(again, f), f).toBe(read(out, f));
  }, 240_000);

  it('icity summarise rebuilds the same outputs from the runs on disk', () => {
    const before = OUTPUTS.map((f) => read(out, f));
    for (const f of OUTPUTS) fs.rmSync(path.join(out, f));
    const r = icity(['summarise', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Summarised transfer small: 2 cities; wrote transfer.csv, cities.csv, report.md/);
    expect(OUTPUTS.map((f) => read(out, f))).toEqual(before);
  });

  it('refuses to mix another transfer experiment into the folder', () => {
    const other = writeTransfer(dir, 'other.json', (t) => (t.seed = 4));
    const r = icity(['experiment', other, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds a different transfer experiment \("small"/);
  });
});
