import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { runCity } from '../../sim/engine/runCity.ts';
import { defaultRunDir } from '../../sim/engine/loadScenario.ts';
import { lockRunFolder, removeStaleScratch, settleLeftovers } from '../../sim/engine/runFolder.ts';
import { runFinished } from '../../sim/engine/experiment/experimentFolder.ts';
import { inputProblems, smallCity, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tiny = smallCity({ 'population.residents': 400, days: 2 });

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const refused = (fn: () => unknown) => inputProblems(fn).join('\n');

describe('runCity never deletes what is not a run', () => {
  it("refuses a folder of the user's files and leaves them as they were", () => {
    const mine = path.join(dir, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'notes.txt'), 'keep');
    expect(refused(() => runCity(tiny, { out: mine }))).toMatch(/not a run folder.*nothing was changed/);
    expect(fs.readFileSync(path.join(mine, 'notes.txt'), 'utf8')).toBe('keep');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a plain file, an empty name, the current folder and its parent', () => {
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'keep');
    expect(refused(() => runCity(tiny, { out: file }))).toMatch(/is a file/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep');
    expect(refused(() => runCity(tiny, { out: '' }))).toMatch(/--out: is empty/);
    expect(refused(() => runCity(tiny, { out: '.' }))).toMatch(/current folder or one of its parents/);
    expect(refused(() => runCity(tiny, { out: '..' }))).toMatch(/current folder or one of its parents/);
  });

  it('refuses an experiment folder', () => {
    const exp = path.join(dir, 'exp');
    fs.mkdirSync(exp);
    fs.writeFileSync(path.join(exp, 'manifest.json'), JSON.stringify({ format: 'icity-experiment' }));
    expect(refused(() => runCity(tiny, { out: exp }))).toMatch(/not a run's/);
    expect(fs.existsSync(path.join(exp, 'manifest.json'))).toBe(true);
  });

  it('replaces an earlier run folder, and an empty folder', () => {
    const out = path.join(dir, 'run');
    fs.mkdirSync(out);
    runCity(tiny, { out });
    const again = runCity({ ...tiny, seed: 2 }, { out });
    expect(again.seed).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).seed).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.run'))).toEqual([]);
  });
});

describe('one run at a time into a folder', () => {
  it("refuses a second run while another process holds the folder, and takes a dead one's lock", () => {
    const out = path.join(dir, 'locked');
    const lock = lockRunFolder(out);
    expect(refused(() => runCity(tiny, { out }))).toMatch(/another run \(process \d+\) is writing this folder/);
    lock.release();
    fs.writeFileSync(path.join(dir, '.locked.lock'), `${deadPid()}\n`);
    expect(runCity(tiny, { out }).days).toBe(2);
    expect(fs.existsSync(path.join(dir, '.locked.lock'))).toBe(false);
  });
});

describe('leftovers of killed runs', () => {
  it('puts back a run whose replacement was killed between the two renames, and removes unfinished folders', () => {
    const parent = path.join(dir, 'left');
    fs.mkdirSync(parent);
    const pid = deadPid();
    fs.mkdirSync(path.join(parent, `.r.old-${pid}-1`));
    fs.writeFileSync(path.join(parent, `.r.old-${pid}-1`, 'manifest.json'), '{"format":"icity-run"}');
    fs.mkdirSync(path.join(parent, `.r.partial-${pid}-2`));
    fs.mkdirSync(path.join(parent, `.other.partial-${pid}-3`));
    settleLeftovers(parent, 'r');
    expect(fs.readdirSync(parent).sort()).toEqual([`.other.partial-${pid}-3`, 'r']);
    expect(fs.readFileSync(path.join(parent, 'r', 'manifest.json'), 'utf8')).toContain('icity-run');
  });

  it("removes the locks of processes that are gone, and keeps a live process's and one not yet written", () => {
    const parent = path.join(dir, 'locks');
    fs.mkdirSync(parent);
    const lock = (name: string, content: string) => fs.writeFileSync(path.join(parent, `.${name}.lock`), content);
    lock('1', `${deadPid()}\n`);
    lock('2', `${process.pid}\n`);
    lock('3', '');
    lock('4', `${deadPid()}\n`);
    settleLeftovers(parent, '4');
    expect(fs.readdirSync(parent).sort()).toEqual(['.1.lock', '.2.lock', '.3.lock']);
    settleLeftovers(parent);
    expect(fs.readdirSync(parent).sort()).toEqual(['.2.lock', '.3.lock']);
  });

  it('a plain run cleans the unfinished folders a killed run of the same folder left', () => {
    const out = path.join(dir, 'cleaned');
    const stale = path.join(dir, `.cleaned.partial-${deadPid()}-5`);
    fs.mkdirSync(stale);
    runCity(tiny, { out });
    expect(fs.existsSync(stale)).toBe(false);
  });
});

describe('the default run folder', () => {
  it('differs when the days or an override differ, and not otherwise', () => {
    const a = defaultRunDir(tiny);
    expect(a).toMatch(/^runs[/\\]default-1-[0-9a-f]{8}$/);
    expect(defaultRunDir({ ...tiny })).toBe(a);
    expect(defaultRunDir({ ...tiny, days: 3 })).not.toBe(a);
    expect(defaultRunDir(smallCity({ 'population.residents': 401, days: 2 }))).not.toBe(a);
  });
});

describe('a damaged run does not count as finished', () => {
  it('an empty frames.bin or a truncated metrics.csv makes the run unfinished', () => {
    const out = path.join(dir, 'damaged');
    runCity(tiny, { out });
    const hash = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).scenarioHash;
    const run = { dir: 'damaged', scenarioHash: hash };
    expect(runFinished(dir, run)).toBe(true);
    const bin = fs.readFileSync(path.join(out, 'frames.bin'));
    fs.writeFileSync(path.join(out, 'frames.bin'), '');
    expect(runFinished(dir, run)).toBe(false);
    fs.writeFileSync(path.join(out, 'frames.bin'), bin);
    const csv = fs.readFileSync(path.join(out, 'metrics.csv'), 'utf8').split('\n');
    fs.writeFileSync(path.join(out, 'metrics.csv'), csv.slice(0, 2).join('\n'));
    expect(runFinished(dir, run)).toBe(false);
  });
});

describe('scratch folders of killed queue workers', () => {
  it('removes those of processes that are gone, and keeps those of live ones', () => {
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const dead = path.join(tmp, `icity-worker-${deadPid()}-abc123`);
    const live = path.join(tmp, `icity-worker-${process.pid}-def456`);
    const other = path.join(tmp, 'someone-else');
    for (const d of [dead, live, other]) fs.mkdirSync(d);
    removeStaleScratch(tmp, 'icity-worker-');
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(live), 'someone-else'].sort());
  });
});
