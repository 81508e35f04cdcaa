import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { loadCalibration } from '../../sim/engine/calibration/loadCalibration.ts';
import { calibrationJsonSchema } from '../../sim/engine/calibration/calibrationJsonSchema.ts';
import { calibrationManifestSchema } from '../../sim/formats/calibrationManifest.ts';

const FILE = path.join(ROOT, 'scenarios', 'calibration', 'default-city.json');
const RESULTS = path.join(ROOT, 'scenarios', 'results', 'calibration-default-city');

describe('the default city calibration', () => {
  it('scenarios/calibration.schema.json is the schema generated from the zod schema', () => {
    expect(fs.readFileSync(path.join(ROOT, 'scenarios', 'calibration.schema.json'), 'utf8')).toBe(calibrationJsonSchema());
  });

  it('calibrates at 5,000 to 10,000 residents with at least 200 runs, to targets of the contact, labour, language and housing submodels', () => {
    const plan = loadCalibration(FILE);
    expect(plan.base.population.residents).toBeGreaterThanOrEqual(5000);
    expect(plan.base.population.residents).toBeLessThanOrEqual(10_000);
    const c = plan.calibration;
    const perPoint = c.replications * (1 + c.arms.length);
    expect(Math.floor(c.runs / c.waves / perPoint) * perPoint * c.waves + perPoint).toBeGreaterThanOrEqual(200);
    const paths = c.parameters.map((p) => p.path.split('.')[0]);
    for (const submodel of ['contact', 'labour', 'language', 'housing']) expect(paths, submodel).toContain(submodel);
    expect(c.targets.map((t) => t.type).sort()).toEqual(['correlation', 'effect', 'languageShare', 'metric', 'metric']);
    for (const t of c.targets) expect(t.source.length, t.name).toBeGreaterThan(30);
  });

  it('the committed results are those of this calibration file, and posterior.csv is the interface experiments read', () => {
    const m = calibrationManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(RESULTS, 'manifest.json'), 'utf8')));
    const plan = loadCalibration(FILE);
    expect(m.calibrationHash).toBe(plan.hash);
    expect(m.status).toBe('done');
    const runs = fs.readFileSync(path.join(RESULTS, 'runs.csv'), 'utf8').trimEnd().split('\n');
    const replications = m.waveRecords.reduce((s, w) => s + w.points, 0) * m.replications;
    expect(runs.length - 1).toBe(replications);
    const [header, ...rows] = fs.readFileSync(path.join(RESULTS, 'posterior.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe([...plan.calibration.parameters.map((p) => p.path), 'weight'].join(','));
    expect(rows).toHaveLength(m.posteriorPoints!);
    const plausible = runs.slice(1).filter((r) => r.startsWith('0,') === false && r.endsWith(',1')).length / m.replications;
    expect(rows).toHaveLength(plausible);
    const report = fs.readFileSync(path.join(RESULTS, 'report.md'), 'utf8');
    for (const t of plan.calibration.targets) expect(report).toContain(`| ${t.name} |`);
  });
});
