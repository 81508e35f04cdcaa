import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, icity, tempDir } from '../helpers.ts';
import { writeCalibration } from './fixtures.ts';
import { calibrationManifestSchema } from '../../sim/formats/calibrationManifest.ts';

const dir = tempDir('icity-calibration-resume-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const OUTPUTS = ['runs.csv', 'posterior.csv', 'report.md'];

/** Starts the calibration in a child process and kills it (SIGKILL) once a run of wave 1 is complete. */
function killInWaveOne(file: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'calibrate', file, '--out', out, '--workers', '1', '--json'], { cwd: ROOT, stdio: 'ignore' });
    const first = path.join(out, 'waves', '1', 'runs', 'p001', '1', 'manifest.json');
    const timer = setInterval(() => {
      if (fs.existsSync(first)) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the calibration ended before it was killed (code ${code})`));
    });
  });
}

describe('a calibration', () => {
  const file = writeCalibration(dir, 'cal.json');
  const one = path.join(dir, 'one-worker');
  const two = path.join(dir, 'two-workers');
  const killed = path.join(dir, 'killed');

  it('writes the same bytes with one worker or two', () => {
    for (const [out, workers] of [
      [one, '1'],
      [two, '2'],
    ]) {
      const r = icity(['calibrate', file, '--out', out, '--workers', workers, '--json']);
      expect(r.status, r.stderr).toBe(0);
    }
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(two, f), 'utf8')).toBe(fs.readFileSync(path.join(one, f), 'utf8'));
    const m = calibrationManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(one, 'manifest.json'), 'utf8')));
    expect(m.status).toBe('done');
    expect(m.waveRecords.map((w) => w.wave)).toEqual([0, 1, 2]);
    // 2 points a wave (8 runs / 2 waves / 2 replications), and the defaults.
    const runs = fs.readFileSync(path.join(one, 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(runs).toHaveLength(1 + 2 + 2 * 2 + 2 * 2);
    const posterior = fs.readFileSync(path.join(one, 'posterior.csv'), 'utf8').trimEnd().split('\n');
    expect(posterior[0]).toBe('contact.positiveEffect,weight');
    expect(posterior.length - 1).toBe(m.posteriorPoints);
  }, 120_000);

  it('killed in its first wave and run again, continues and writes the same outputs', async () => {
    await killInWaveOne(file, killed);
    for (const f of OUTPUTS) expect(fs.existsSync(path.join(killed, f))).toBe(false);
    const r = icity(['calibrate', file, '--out', killed, '--workers', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { ran: number; runs: number };
    expect(summary.ran).toBeLessThan(summary.runs);
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(killed, f), 'utf8')).toBe(fs.readFileSync(path.join(one, f), 'utf8'));
  }, 120_000);

  it('in two shards, run by turns until done, writes the same outputs', () => {
    const sharded = path.join(dir, 'sharded');
    const statuses: string[] = [];
    // Each invocation does its shard's share of the current wave and stops when the wave waits for the other shard.
    for (let turn = 0; turn < 6 && statuses[statuses.length - 1] !== 'done'; turn++) {
      const r = icity(['calibrate', file, '--out', sharded, '--shard', `${(turn % 2) + 1}/2`, '--workers', '1', '--json']);
      expect(r.status, r.stderr).toBe(0);
      statuses.push(JSON.parse(r.stdout).complete ? 'done' : 'incomplete');
    }
    expect(statuses[0]).toBe('incomplete');
    expect(statuses[statuses.length - 1]).toBe('done');
    for (const f of OUTPUTS) expect(fs.readFileSync(path.join(sharded, f), 'utf8')).toBe(fs.readFileSync(path.join(one, f), 'utf8'));
  }, 180_000);

  it('refuses a folder that holds another calibration, and changes nothing in it', () => {
    const other = writeCalibration(dir, 'other.json', (c) => void (c.parameters[0].max = 0.03));
    const before = fs.readFileSync(path.join(one, 'runs.csv'), 'utf8');
    const r = icity(['calibrate', other, '--out', one]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds a different calibration/);
    expect(fs.readFileSync(path.join(one, 'runs.csv'), 'utf8')).toBe(before);
  });
});
