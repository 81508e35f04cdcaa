import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, icity, tempDir } from '../helpers.ts';
import { tree, writeExperiment } from './fixtures.ts';

const dir = tempDir('icity-resume-');
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

describe('a killed experiment, run again', () => {
  // 6 runs one at a time, so the kill lands with runs left to do.
  const file = writeExperiment(dir, 'resume.json', (e) => {
    e.replications = 3;
    e.days = 30;
  });
  const killed = path.join(dir, 'killed');
  const whole = path.join(dir, 'whole');

  it('leaves only complete run folders under their final names, and no summary', async () => {
    await killAfterFirstRun(file, killed);
    expect(fs.existsSync(path.join(killed, 'summary.csv'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(killed, 'manifest.json'), 'utf8')).format).toBe('icity-experiment');
    const runs = path.join(killed, 'runs');
    let complete = 0;
    for (const arm of fs.readdirSync(runs)) {
      for (const rep of fs.readdirSync(path.join(runs, arm))) {
        if (rep.startsWith('.')) {
          // Unfinished work, or the lock of the run the killed process was starting (the next
          // process takes over a lock whose process is gone).
          expect(rep).toMatch(/\.partial-|\.old-|^\.\d+\.lock$/);
          continue;
        }
        for (const f of ['manifest.json', 'metrics.csv', 'frames.bin']) expect(fs.existsSync(path.join(runs, arm, rep, f))).toBe(true);
        complete++;
      }
    }
    expect(complete).toBeGreaterThanOrEqual(1);
    expect(complete).toBeLessThan(6);
    const missing = icity(['summarise', killed]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/runs\/allport\/3 is missing/);
  });

  it('finishes the rest, reusing the finished runs, with a summary byte-identical to an uninterrupted run', () => {
    // As if the process had been killed between publishing baseline/1 and unlocking it.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(path.join(killed, 'runs', 'baseline', '.1.lock'), `${gone}\n`);
    const resumed = icity(['experiment', file, '--out', killed, '--workers', '2', '--json']);
    expect(resumed.stderr).toBe('');
    expect(resumed.status).toBe(0);
    const s = JSON.parse(resumed.stdout);
    expect(s.reused).toBeGreaterThanOrEqual(1);
    expect(s.ran + s.reused).toBe(6);
    const uninterrupted = icity(['experiment', file, '--out', whole, '--workers', '2']);
    expect(uninterrupted.status).toBe(0);
    expect(uninterrupted.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(uninterrupted.stdout).toMatch(/^Experiment small: 6 runs \(6 ran, 0 reused\) in [0-9.]+ s, 2 at a time with 1 thread each\./);
    for (const f of ['summary.csv', 'series.csv', 'series.parquet', 'report.md'])
      expect(fs.readFileSync(path.join(killed, f)).equals(fs.readFileSync(path.join(whole, f)))).toBe(true);
    expect(tree(killed).filter((f) => f.includes('.partial-') || f.includes('.old-'))).toEqual([]);
    for (const arm of ['baseline', 'allport']) expect(fs.readdirSync(path.join(killed, 'runs', arm)).sort()).toEqual(['1', '2', '3']);
    expect(fs.readdirSync(killed).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('an experiment whose runs fail', () => {
  const file = writeExperiment(dir, 'failing.json', (e) => {
    e.days = 5;
    e.reportDays = ['end'];
  });
  const out = path.join(dir, 'failing');

  it('keeps the other runs, marks the failed ones, writes no summary and exits 1; a re-run retries them', () => {
    expect(icity(['experiment', file, '--out', out, '--reps', '1']).status).toBe(0);
    // A file where the arm's folder should be: its runs cannot be written.
    fs.rmSync(path.join(out, 'runs', 'allport'), { recursive: true });
    fs.writeFileSync(path.join(out, 'runs', 'allport'), 'in the way');
    const r = icity(['experiment', file, '--out', out, '--reps', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2 runs failed:\n {2}runs\/allport\/1: .*\n {2}runs\/allport\/2: /);
    expect(r.stderr).toMatch(/Run the experiment again to retry them; finished runs are kept\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.runs.map((x: { dir: string; status: string }) => `${x.dir} ${x.status}`)).toEqual([
      'runs/baseline/1 reused',
      'runs/allport/1 failed',
      'runs/baseline/2 done',
      'runs/allport/2 failed',
    ]);
    expect(fs.existsSync(path.join(out, 'summary.csv'))).toBe(false);
    fs.rmSync(path.join(out, 'runs', 'allport'));
    const again = icity(['experiment', file, '--out', out, '--reps', '2', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ran: 2, reused: 2, failed: [] });
    expect(fs.existsSync(path.join(out, 'summary.csv'))).toBe(true);
  });
});
