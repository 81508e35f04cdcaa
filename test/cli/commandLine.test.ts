import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BIN, icity as icityProcess, ROOT, tempDir, type CliResult } from '../helpers.ts';
import { main } from '../../sim/cli.ts';
import { COMMAND_NAMES } from './commandNames.ts';

/** The command line in this process (a child process each costs seconds here), with its output captured. */
async function icity(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  try {
    const status = await main(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('help where people look', () => {
  it('every command has its own --help and icity help <command>, listing its flags, with exit 0', async () => {
    for (const name of COMMAND_NAMES) {
      const a = await icity([name, '--help']);
      expect(a.status, name).toBe(0);
      expect(a.stdout).toMatch(new RegExp(`^Usage: icity ${name}`));
      expect(a.stdout).toContain('--help, -h');
      const b = await icity(['help', name]);
      expect(b.stdout).toBe(a.stdout);
    }
    expect((await icity(['run', '--help'])).stdout).toMatch(/--workers N\s+threads/);
  });

  it('icity alone prints the commands on stderr and exits 2; icity help exits 0', async () => {
    const r = await icity([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Commands:');
    expect((await icity(['help'])).status).toBe(0);
  });
});

describe('unknown commands and flags', () => {
  it('suggests the nearest command and flag, with exit 2', async () => {
    expect(await icity(['rnu'])).toMatchObject({ status: 2, stderr: expect.stringContaining('did you mean "run"?') });
    expect(await icity(['run', 'scenarios/teaching.json', '--day', '3'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown flag --day (did you mean --days?)'),
    });
    expect(await icity(['run', 'scenarios/teaching.json', '--agent'])).toMatchObject({ status: 2, stderr: expect.stringContaining('did you mean --agents?') });
    expect(await icity(['experiment', 'x.json', '--rep', '3'])).toMatchObject({ status: 2, stderr: expect.stringContaining('did you mean --reps?') });
  });

  it('rejects unknown flags on every command, schema included', async () => {
    for (const name of COMMAND_NAMES) {
      const r = await icity([name, '--bogus']);
      expect(r.status, name).toBe(2);
      expect(r.stderr).toContain(`icity ${name}: unknown flag --bogus`);
      expect(r.stdout).toBe('');
    }
  });

  it('--seed -1 gets the allowed range, not a confusing flag error', async () => {
    const r = await icity(['run', 'scenarios/teaching.json', '--seed', '-1']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('--seed: found "-1"; expected a whole number from 0 to 2147483647');
  });
});

describe('pipes', () => {
  it('a reader that closes the pipe early ends the command quietly', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" schema | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('');
  });
});

describe('icity run --out keeps what is not a run', () => {
  it("refuses --out . in a folder of the user's files, with exit 2, and keeps them", async () => {
    const mine = path.join(dir, 's', 'p');
    fs.mkdirSync(mine, { recursive: true });
    fs.writeFileSync(path.join(mine, 'notes.txt'), 'keep\n');
    const r = icityProcess(['run', path.join(ROOT, 'scenarios', 'teaching.json'), '--days', '5', '--out', '.'], mine);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out \.: is the current folder/);
    expect(fs.readdirSync(mine)).toEqual(['notes.txt']);
    const empty = icityProcess(['run', path.join(ROOT, 'scenarios', 'teaching.json'), '--days', '5', '--out', ''], mine);
    expect(empty.status).toBe(2);
    expect(fs.readdirSync(mine)).toEqual(['notes.txt']);
  });
});
