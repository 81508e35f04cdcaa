import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts a long `icity run` (decades of days) and kills it with SIGKILL after so many milliseconds. */
function killAfter(ms: number, out: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [BIN, 'run', 'scenarios/default.json', '--set', 'population.residents=20000', '--days', '36500', '--workers', '2', '--out', out, '--agents'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

describe('a run killed at any moment leaves nothing that looks complete', () => {
  const points = [200, 700, 1500, 3000, 5000];
  it.each(points)('kill -9 after %i ms', async (ms) => {
    const out = path.join(dir, `run-${ms}`);
    // The run was still going: it was killed, not finished.
    expect(await killAfter(ms, out)).toBe('SIGKILL');
    // The run folder appears only when complete; what a killed run leaves is a hidden
    // ".<name>.partial-..." folder, without a manifest.
    expect(fs.existsSync(out)).toBe(false);
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith(`.run-${ms}.partial-`))) {
      expect(fs.existsSync(path.join(dir, f, 'manifest.json'))).toBe(false);
    }
  });
});
