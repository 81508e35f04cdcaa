import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, ROOT, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'classic-schelling.json'), 'utf8'));

function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

function variant(name: string, edit: (s: any) => void): string {
  const s = structuredClone(good);
  edit(s);
  return file(name, JSON.stringify(s));
}

describe('icity validate', () => {
  it('says ok and exits 0 for every scenario of the project', () => {
    const files = fs.readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const r = icity(['validate', ...files.map((f) => path.join('scenarios', f))]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
    expect(r.status).toBe(0);
  });

  const cases: [string, () => string, RegExp][] = [
    [
      'a wrong type',
      () => variant('type.json', (s) => (s.population.residents = 'many')),
      /type\.json: population\.residents: found "many"; expected a number/,
    ],
    [
      'a number out of range',
      () => variant('range.json', (s) => (s.housing.similarityThreshold = 1.5)),
      /range\.json: housing\.similarityThreshold: found 1\.5; must be at most 1/,
    ],
    [
      'an unknown field (a typo)',
      () => variant('typo.json', (s) => (s.housing.similarityTreshold = 0.4)),
      /typo\.json: housing\.similarityTreshold: unknown field \(did you mean "similarityThreshold"\?\); allowed here: similarityThreshold, /,
    ],
    ['a missing field', () => variant('missing.json', (s) => delete s.name), /missing\.json: name: missing; expected a string/],
    ['a file that is not JSON', () => file('broken.json', '{ "name": "x", }'), /broken\.json: is not valid JSON at line 1, column 16/],
    ['an empty file', () => file('empty.json', ''), /empty\.json: is empty; expected a JSON object/],
    ['a file that is not UTF-8', () => file('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), /latin1\.json: is not UTF-8 text/],
    [
      'a file from a newer format version',
      () => variant('newer.json', (s) => (s.formatVersion = 99)),
      /newer\.json: formatVersion: found 99; this version of interethnic-city reads scenario format 1/,
    ],
    [
      'group shares that do not add up',
      () => variant('shares.json', (s) => (s.population.groups[1].share = 0.2)),
      /shares\.json: population\.groups: .*group shares must add up to 1/,
    ],
    ['a missing file', () => path.join(dir, 'nope.json'), /nope\.json: cannot read the file \(no such file\)/],
  ];

  it.each(cases)('rejects %s with exit 2 and a clear line, no stack trace', (_what, make, expected) => {
    const r = icity(['validate', make()]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every problem of a file, one line each', () => {
    const f = variant('many.json', (s) => {
      s.days = -1;
      s.city.density = 2;
      s.colour = 'red';
    });
    const lines = icity(['validate', f]).stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith(f))).toBe(true);
  });
});
