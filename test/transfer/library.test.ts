import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { loadTransfer } from '../../sim/engine/transfer/loadTransfer.ts';
import { loadCatalogue } from '../../sim/engine/transfer/catalogue.ts';
import { POLICIES } from '../../sim/policies/registry.ts';
import { transferJsonSchema } from '../../sim/engine/transfer/transferJsonSchema.ts';

const FILE = path.join(ROOT, 'scenarios', 'experiments', 'transfer-report-practices.json');
const RESULTS = path.join(ROOT, 'scenarios', 'results', 'transfer-report-practices');
/** Library scenarios that are not cities to try practices in: Schelling's model has housing only, all-policies is the default city with every programme. */
const NOT_TARGETS = ['classic-schelling.json', 'all-policies.json'];

describe('the catalogue and the transfer experiment of the report practices', () => {
  it('the catalogue has one practice for every policy of the model', () => {
    const catalogue = loadCatalogue();
    expect(
      Object.values(catalogue)
        .map((p) => p.policy)
        .sort(),
    ).toEqual(POLICIES.map((p) => p.type).sort());
    for (const p of Object.values(catalogue)) expect(p.mechanism.length, p.id).toBeGreaterThan(100);
  });

  it('docs/transfer.md lists every practice of the catalogue', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'transfer.md'), 'utf8');
    for (const p of Object.values(loadCatalogue())) expect(doc, p.id).toContain(`\`${p.id}\``);
  });

  it('scenarios/transfer.schema.json is the schema generated from the zod schema', () => {
    expect(fs.readFileSync(path.join(ROOT, 'scenarios', 'transfer.schema.json'), 'utf8')).toBe(transferJsonSchema());
  });

  it('tries every practice of the catalogue in every city of the library, adapted to fit', () => {
    const plan = loadTransfer(FILE);
    expect(plan.transfer.practices.map((p) => p.catalogue).sort()).toEqual(Object.keys(loadCatalogue()).sort());
    const cities = fs.readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !NOT_TARGETS.includes(f));
    expect(plan.cities.map((c) => path.basename(c.scenarioFile)).sort()).toEqual(cities.sort());
    for (const c of plan.cities) {
      expect(
        c.skipped.filter((s) => !/none of its groups is a migrant group starting below B1/.test(s.why)),
        c.city.name,
      ).toEqual([]);
      expect(c.arms.length, c.city.name).toBeGreaterThanOrEqual(13);
    }
  });

  it('the committed results are those of this experiment file', () => {
    const m = JSON.parse(fs.readFileSync(path.join(RESULTS, 'manifest.json'), 'utf8'));
    expect(m.format).toBe('icity-transfer');
    expect(m.transferHash).toBe(loadTransfer(FILE).hash);
    const rows = fs.readFileSync(path.join(RESULTS, 'transfer.csv'), 'utf8').trim().split('\n').length - 1;
    const arms = m.cities.reduce((s: number, c: { arms: unknown[] }) => s + c.arms.length, 0);
    expect(rows).toBe(arms * m.metrics.length * m.reportDays.length);
  });
});
