import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, icity, tempDir } from '../helpers.ts';
import { SUMMARY_COLUMNS } from '../../sim/formats/experimentTables.ts';
import { writePosterior, writePosteriorExperiment } from './posteriorFixtures.ts';

const dir = tempDir('icity-posterior-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the experiment in a child process and kills it (SIGKILL) once the first run folder is complete. */
function killAfterFirstRun(file: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'experiment', file, '--out', out, '--workers', '1', '--json'], { cwd: ROOT, stdio: 'ignore' });
    const first = path.join(out, 'runs', 'baseline', '1', 'manifest.json');
    const timer = setInterval(() => {
      if (fs.existsSync(first)) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the experiment ended before it was killed (code ${code})`));
    });
  });
}

const read = (...p: string[]) => fs.readFileSync(path.join(...p), 'utf8');

describe('icity experiment over a posterior (2 draws × 2 seeds, 2 arms, 1,000 residents, 12 days)', () => {
  writePosterior(dir);
  const file = writePosteriorExperiment(dir, 'posterior-experiment.json');
  const one = path.join(dir, 'one');
  const two = path.join(dir, 'two');
  const r1 = icity(['experiment', file, '--workers', '1', '--out', one, '--json']);
  const r2 = icity(['experiment', file, '--workers', '2', '--out', two, '--json']);

  it('runs draws × seeds replications of every arm and exits 0', () => {
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    const s = JSON.parse(r1.stdout);
    expect(s).toMatchObject({ runs: 8, ran: 8, failed: [] });
    for (const e of s.effects)
      for (const k of ['signShare', 'posteriorLow', 'posteriorHigh', 'parameterShare', 'sdParameter', 'sdStochastic']) expect(e, k).toHaveProperty(k);
    expect(r2.status).toBe(0);
  });

  it('writes the same summary, series and report bytes for 1 and 2 workers', () => {
    for (const f of ['summary.csv', 'series.csv', 'report.md']) expect(read(two, f), f).toBe(read(one, f));
  });

  it("records each run's draw, the same for every arm of a replication, and runs with its values", () => {
    const m = JSON.parse(read(one, 'manifest.json'));
    expect(m.posterior.draws).toHaveLength(2);
    expect(m.posterior.seedsPerDraw).toBe(2);
    expect(m.posterior.columns).toEqual(['contact.positiveEffect', 'labour.discrimination']);
    expect(m.posterior.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const run of m.runs) {
      const drawn = m.posterior.draws[Math.floor((run.replication - 1) / 2)];
      expect(run.draw).toEqual({ draw: drawn.draw, row: drawn.row, values: drawn.values });
      const scenario = JSON.parse(read(one, run.dir, 'manifest.json')).scenario;
      expect(scenario.contact.positiveEffect).toBe(drawn.values['contact.positiveEffect']);
      expect(scenario.labour.discrimination).toBe(drawn.values['labour.discrimination']);
    }
    expect(m.posterior.draws[0].row).not.toBe(m.posterior.draws[1].row);
  });

  it('fills the posterior columns of summary.csv: draws, seeds per draw, the split, sign share and the range over draws', () => {
    const lines = read(one, 'summary.csv').trimEnd().split('\n');
    expect(lines[0]).toBe(SUMMARY_COLUMNS.join(','));
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, k) => [SUMMARY_COLUMNS[k], c])));
    for (const r of rows) {
      expect([r.n, r.draws, r.seeds_per_draw]).toEqual(['4', '2', '2']);
      if (r.arm === 'baseline') expect(r.sign_share).toBe('');
      else {
        for (const c of ['diff_sd_parameter', 'diff_sd_stochastic', 'sign_share', 'posterior_low', 'posterior_high']) expect(r[c], c).toMatch(/^-?[\d.]+$/);
        expect(Number(r.posterior_low)).toBeLessThanOrEqual(Number(r.posterior_high));
        expect([0, 0.5, 1]).toContain(Number(r.sign_share));
      }
    }
    const report = read(one, 'report.md');
    expect(report).toMatch(/each replication runs with a parameter set drawn from the calibration's posterior/);
    expect(report).toMatch(/Over the posterior \(2 parameter sets\), at day 12:/);
  });

  it('finishes a killed experiment to the same summary bytes', async () => {
    const killed = path.join(dir, 'killed');
    await killAfterFirstRun(file, killed);
    expect(fs.existsSync(path.join(killed, 'summary.csv'))).toBe(false);
    const again = icity(['experiment', file, '--workers', '2', '--out', killed, '--json']);
    expect(again.status).toBe(0);
    const s = JSON.parse(again.stdout);
    expect(s.reused).toBeGreaterThanOrEqual(1);
    expect(s.reused + s.ran).toBe(8);
    for (const f of ['summary.csv', 'series.csv', 'report.md']) expect(read(killed, f), f).toBe(read(one, f));
  });
});
