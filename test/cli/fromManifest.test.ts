import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, icity, tempDir } from '../helpers.ts';

const dir = tempDir('icity-manifest-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const original = path.join(dir, 'original');
const args = [
  'run',
  'scenarios/default.json',
  '--days',
  '6',
  '--set',
  'population.residents=2500',
  '--set',
  'housing.similarityThreshold=0.45',
  '--seed',
  '9',
  '--workers',
  '1',
  '--out',
  original,
  '--agents',
  '--agents-every',
  '3',
  '--json',
];
const run = icity(args);
const manifestFile = path.join(original, 'manifest.json');
const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the run manifest records where a run comes from', () => {
  it('records version, commit, Node, platform, the command line, the scenario file and its hash', () => {
    expect(run.status).toBe(0);
    const m = read(manifestFile);
    expect(m.package).toEqual({ name: 'interethnic-city', version: read(path.join(ROOT, 'package.json')).version });
    expect(m.node).toBe(process.version);
    expect(m.platform).toBe(`${process.platform}-${process.arch}`);
    expect(m.command.argv).toEqual(args);
    expect(m.command.cwd).toBe(ROOT);
    const scenarioFile = path.join(ROOT, 'scenarios', 'default.json');
    expect(m.scenarioFile).toEqual({ path: scenarioFile, sha256: createHash('sha256').update(fs.readFileSync(scenarioFile)).digest('hex') });
    expect(m.seed).toBe(9);
    expect(m.scenario.housing.similarityThreshold).toBe(0.45);
    if (fs.existsSync(path.join(ROOT, '.git'))) {
      // What git itself says of the checkout, asked the plain way.
      const git = (...a: string[]) => execFileSync('git', ['-C', ROOT, ...a], { encoding: 'utf8' }).trim();
      expect(m.git.commit).toBe(git('rev-parse', 'HEAD'));
      expect(m.git.dirty).toBe(git('status', '--porcelain', '--untracked-files=no') !== '');
    } else {
      expect(m.git).toBeNull();
    }
  });
});

describe('icity run --from-manifest', () => {
  const again = path.join(dir, 'again');
  const r = icity(['run', '--from-manifest', manifestFile, '--out', again, '--workers', '2', '--json']);

  it('re-runs the recorded scenario and outputs into the new folder, byte for byte', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const files = fs
      .readdirSync(original)
      .filter((f) => f !== 'manifest.json')
      .sort();
    expect(files).toEqual(['agents.csv', 'agents.parquet', 'frames.bin', 'frames.json', 'metrics.csv', 'metrics.parquet', 'panel.parquet']);
    expect(fs.readdirSync(again).sort()).toEqual([...files, 'manifest.json'].sort());
    for (const f of files) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(original, f))), f).toBe(true);
  });

  it('says in the new manifest which manifest it reproduces, with the same scenario hash', () => {
    const m = read(path.join(again, 'manifest.json'));
    const o = read(manifestFile);
    expect(m.reproduces).toEqual({ manifest: manifestFile, scenarioHash: o.scenarioHash });
    expect(m.scenarioHash).toBe(o.scenarioHash);
    expect(m.scenario).toEqual(o.scenario);
    expect(m.outputs).toEqual(o.outputs);
    expect(m.workers).toBe(2);
  });

  it('takes another --format for the same run', () => {
    const csv = path.join(dir, 'again-csv');
    expect(icity(['run', '--from-manifest', manifestFile, '--out', csv, '--format', 'csv', '--json']).status).toBe(0);
    expect(fs.readFileSync(path.join(csv, 'metrics.csv')).equals(fs.readFileSync(path.join(original, 'metrics.csv')))).toBe(true);
    expect(fs.existsSync(path.join(csv, 'metrics.parquet'))).toBe(false);
  });

  it('refuses what would not reproduce the run, or would replace it, with exit 2 and one line', () => {
    const cases: [string[], RegExp][] = [
      [['--from-manifest', manifestFile], /--from-manifest needs --out DIR/],
      [['--from-manifest', manifestFile, '--out', original], /is the folder of .*manifest\.json; choose another folder/],
      [['--from-manifest', manifestFile, '--out', path.join(dir, 'x'), '--seed', '3'], /--set, --seed and --days cannot be given with it/],
      [['scenarios/default.json', '--from-manifest', manifestFile, '--out', path.join(dir, 'x')], /give no scenario file with it/],
      [['--from-manifest', path.join(dir, 'nothing.json'), '--out', path.join(dir, 'x')], /nothing\.json: cannot read the file \(no such file\)/],
      [
        ['--from-manifest', path.join(ROOT, 'scenarios', 'default.json'), '--out', path.join(dir, 'x')],
        /default\.json: format: found undefined; expected "icity-run"/,
      ],
    ];
    for (const [args, message] of cases) {
      const bad = icity(['run', ...args]);
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr).toMatch(message);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
    expect(read(manifestFile).command.argv).toContain('--agents-every');
  });

  /** Re-runs from a copy of the manifest whose recorded similarity threshold is `threshold`. */
  function fromEdited(name: string, threshold: number) {
    const edited = read(manifestFile);
    edited.scenario.housing.similarityThreshold = threshold;
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(edited));
    return icity(['run', '--from-manifest', file, '--out', path.join(dir, name)]);
  }

  it('refuses a manifest whose scenario was edited after the run', () => {
    const bad = fromEdited('edited', 0.3);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/edited\.json: scenarioHash: found "[0-9a-f]{64}"; the recorded scenario hashes to "[0-9a-f]{64}", so the manifest was edited/);
  });

  it('checks the recorded scenario like a scenario file', () => {
    const bad = fromEdited('broken', 7);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/broken\.json \(scenario\): housing\.similarityThreshold: found 7/);
  });
});
