import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { loadExperiment, runScenario } from '../../sim/engine/experiment/loadExperiment.ts';
import { InputError } from '../../sim/engine/inputError.ts';
import { writePosterior, writePosteriorExperiment } from './posteriorFixtures.ts';

const dir = tempDir('icity-posterior-errors-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The problems loading an experiment over `csv` (with `edit` applied) reports. */
function problems(csv: string | undefined, edit: (e: Record<string, any>) => void = () => {}): string[] {
  const sub = fs.mkdtempSync(path.join(dir, 'case-'));
  if (csv !== undefined) writePosterior(sub, csv);
  const file = writePosteriorExperiment(sub, 'exp.json', edit);
  try {
    loadExperiment(file);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  return [];
}

const HEADER = 'contact.positiveEffect,labour.discrimination,weight';

describe('an experiment over a posterior', () => {
  it("draws each replication's parameters deterministically and gives every arm the same draw", () => {
    const sub = fs.mkdtempSync(path.join(dir, 'ok-'));
    writePosterior(sub);
    const file = writePosteriorExperiment(sub, 'exp.json', (e) => (e.parameters.draws = 3));
    const a = loadExperiment(file);
    const b = loadExperiment(file);
    expect(a.posterior!.draws).toEqual(b.posterior!.draws);
    expect(a.posterior!.draws).toHaveLength(3);
    expect(a.posterior!.draws.map((d) => d.row)).not.toContain(4); // the row of weight 0
    expect(a.seeds).toHaveLength(6);
    for (let r = 0; r < 6; r++) {
      const drawn = a.posterior!.draws[Math.floor(r / 2)].values;
      for (const arm of a.arms) {
        const s = runScenario(arm, a.seeds[r], Math.floor(r / 2));
        expect([s.contact.positiveEffect, s.labour.discrimination]).toEqual([drawn['contact.positiveEffect'], drawn['labour.discrimination']]);
        expect(s.seed).toBe(a.seeds[r]);
      }
    }
    // More draws keep the earlier ones, so a larger --reps reuses the runs already done.
    const more = loadExperiment(file, { replications: 8 });
    expect(more.posterior!.draws.slice(0, 3)).toEqual(a.posterior!.draws);
    expect(more.hash).toBe(a.hash);
  });

  it('lets an arm that sets a calibrated path keep its value in every draw', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'own-'));
    writePosterior(sub);
    const file = writePosteriorExperiment(sub, 'exp.json', (e) => (e.arms[0].set['contact.positiveEffect'] = 0.02));
    const plan = loadExperiment(file);
    const [baseline, arm] = plan.arms;
    expect(arm.byDraw!.map((s) => s.contact.positiveEffect)).toEqual([0.02, 0.02]);
    expect(baseline.byDraw!.map((s) => s.contact.positiveEffect)).toEqual(plan.posterior!.draws.map((d) => d.values['contact.positiveEffect']));
    expect(arm.byDraw!.map((s) => s.labour.discrimination)).toEqual(plan.posterior!.draws.map((d) => d.values['labour.discrimination']));
  });

  it('names a missing posterior file', () => {
    expect(problems(undefined)).toEqual([
      expect.stringMatching(/exp\.json: parameters\.posterior: found .*posterior\.csv, which does not exist; expected the posterior\.csv/),
    ]);
  });

  it('refuses a header without a weight column, with weight not last, or with a column that is no path', () => {
    expect(problems('contact.positiveEffect\n0.1\n')).toEqual([expect.stringMatching(/posterior\.csv: line 1: has no "weight" column/)]);
    expect(problems('weight,contact.positiveEffect\n1,0.1\n')[0]).toMatch(/line 1, column 1: "weight" must be the last column/);
    expect(problems('contact positiveEffect,weight\n0.1,1\n')[0]).toMatch(/line 1, column 1: found "contact positiveEffect"; expected a scenario path/);
    expect(problems('seed,weight\n1,1\n2,1\n')[0]).toMatch(/line 1, column 1: found "seed"; the experiment sets the seed/);
    expect(problems('contact.positiveEffect,contact.positiveEffect,weight\n0.1,0.1,1\n')[0]).toMatch(/column 2: found "contact.positiveEffect" twice/);
  });

  it('refuses a column that the scenario schema does not accept, once, against the header', () => {
    const p = problems('contact.positivEffect,weight\n0.1,1\n0.2,1\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /posterior\.csv: line 1, column 1: found "contact.positivEffect", which is not a scenario path the scenario schema accepts: unknown field \(did you mean "positiveEffect"\?\)/,
    );
  });

  it('refuses negative weights, all-zero weights, cells that are not numbers and rows of the wrong length', () => {
    expect(problems(`${HEADER}\n0.1,0.2,1\n0.1,0.2,-1\n`)).toEqual([
      expect.stringMatching(/posterior\.csv: line 3, column "weight": found -1; weights must be 0 or more/),
    ]);
    expect(problems(`${HEADER}\n0.1,0.2,0\n0.1,0.2,0\n`)[0]).toMatch(/every weight is 0/);
    expect(problems(`${HEADER}\n0.1,abc,1\n0.1,0.2,1\n`)[0]).toMatch(/line 2, column "labour.discrimination": found "abc"; expected a finite decimal number/);
    expect(problems(`${HEADER}\n0.1,1\n`)[0]).toMatch(/line 2: has 2 cells; the header has 3/);
    expect(problems(`${HEADER}\n`)[0]).toMatch(/has a header but no rows/);
  });

  it('refuses a drawn value that the scenario schema refuses, naming its line and column', () => {
    const p = problems(`${HEADER}\n0.1,1.5,1\n0.2,0.3,1\n`);
    expect(p.some((line) => /posterior\.csv: line 2, column "labour\.discrimination": .*1/.test(line))).toBe(true);
  });

  it('refuses fewer than 2 draws, more draws than rows of positive weight, and replications beside draws', () => {
    expect(problems(`${HEADER}\n0.1,0.2,1\n0.1,0.3,1\n`, (e) => (e.parameters.draws = 1))[0]).toMatch(
      /exp\.json: parameters\.draws: found 1; must be at least 2/,
    );
    expect(problems(`${HEADER}\n0.1,0.2,1\n0.1,0.3,0\n0.1,0.2,1\n`, (e) => (e.parameters.draws = 3))).toEqual([
      expect.stringMatching(/exp\.json: parameters\.draws: found 3; .*posterior\.csv has 2 rows with a positive weight, so at most 2 draws/),
    ]);
    expect(problems(`${HEADER}\n0.1,0.2,1\n0.1,0.3,1\n`, (e) => (e.replications = 4))[0]).toMatch(
      /exp\.json: replications: found 4; with "parameters", replications are parameters\.draws × parameters\.seedsPerDraw; remove it/,
    );
  });

  it('refuses an experiment-wide override of a calibrated path, which the draws would overrule', () => {
    expect(problems(`${HEADER}\n0.1,0.2,1\n0.1,0.3,1\n`, (e) => (e.set['labour.discrimination'] = 0.5))).toEqual([
      expect.stringMatching(
        /exp\.json: set\.labour\.discrimination: the posterior \(parameters\.posterior\) gives "labour\.discrimination" in every replication/,
      ),
    ]);
  });

  it('exits 2 from the command line and writes nothing', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'cli-'));
    writePosterior(sub, `${HEADER}\n0.1,0.2,-2\n`);
    const file = writePosteriorExperiment(sub, 'exp.json');
    const out = path.join(sub, 'out');
    const r = icity(['experiment', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/posterior\.csv: line 2, column "weight": found -2; weights must be 0 or more/);
    expect(fs.existsSync(out)).toBe(false);
    const v = icity(['validate', file]);
    expect(v.status).toBe(2);
    writePosterior(sub);
    const reps = icity(['experiment', file, '--reps', '3', '--out', out]);
    expect(reps.status).toBe(2);
    expect(reps.stderr).toMatch(
      /--reps: found 3; with parameters\.seedsPerDraw 2 the replications are draws × 2, at least 2 draws: give a multiple of 2 from 4/,
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
