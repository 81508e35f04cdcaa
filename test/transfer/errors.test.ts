import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRefused, icity, inputProblems, tempDir } from '../helpers.ts';
import { writeTransfer } from './fixtures.ts';
import { loadTransfer } from '../../sim/engine/transfer/loadTransfer.ts';

const dir = tempDir('icity-transfer-errors-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Two kinds of mistake run through the real command; the rest through loadTransfer.
const CLI = new Set(['an unknown field (a typo)', 'a bad variant field']);

const cases: [string, (t: Record<string, any>) => void, RegExp][] = [
  ['an unknown field (a typo)', (t) => (t.replicatons = 3), /bad\.json: replicatons: unknown field \(did you mean "replications"\?\)/],
  [
    'an unknown target role',
    (t) => (t.practices[0].adapt.target = 'newcomers'),
    /bad\.json: practices\[0\]\.adapt\.target: found "newcomers"; allowed: "migrants", "largestMigrantGroup"/,
  ],
  [
    'an unknown district rule',
    (t) => (t.practices[1].adapt.districts.rule = 'poorest'),
    /bad\.json: practices\[1\]\.adapt\.districts\.rule: found "poorest"; allowed: "all", "mostSegregated"/,
  ],
  [
    'a practice with neither policy nor source',
    (t) => delete t.practices[0].from,
    /bad\.json: practices\[0\]\.adapt\.scale: .*scaling compares with the source city's population; give "from"/,
  ],
  [
    'a source policy index past the end',
    (t) => (t.practices[0].from.policy = 3),
    /bad\.json: practices\[0\]\.from\.policy: found 3; .*cardiff\.json lists 1 policy/,
  ],
  [
    'an unknown catalogue id',
    (t) => (t.practices[0].catalogue = 'cardiff'),
    /bad\.json: practices\[0\]\.catalogue: found "cardiff"; the catalogue has cardiff-civic-classes,/,
  ],
  [
    'a bad variant field',
    (t) => (t.practices[0].variants[1].set = { seats: -5 }),
    /bad\.json: practices\[0\] \(cardiff-classes, variant double-seats, adapted to teaching\)\.policy\.seats: found -10; must be at least 0/,
  ],
  [
    'a variant that multiplies a missing field',
    (t) => (t.practices[1].variants = [{ name: 'x', scale: { draw: 2 } }]),
    /bad\.json: practices\[1\]\.variants\[0\]\.scale\.draw: the practice has no number "draw" to multiply/,
  ],
  ['two cities with one name', (t) => t.cities.push({ ...t.cities[0] }), /bad\.json: cities\[2\]\.name: .*another entry of cities has this name/],
  [
    'a practice name with a double hyphen',
    (t) => (t.practices[0].name = 'cardiff--classes'),
    /bad\.json: practices\[0\]\.name: found "cardiff--classes"; must match/,
  ],
  [
    'a missing city scenario',
    (t) => (t.cities[1].scenario = 'nope.json'),
    /bad\.json: cities\[1\]\.scenario: .*nope\.json: cannot read the file \(no such file\)/,
  ],
  ['a bad city override', (t) => (t.cities[1].set['city.density'] = 2), /bad\.json: cities\[1\]\.set\.city\.density: found 2; must be at most 1/],
];

describe('icity experiment with a bad transfer file', () => {
  it.each(cases.filter(([what]) => CLI.has(what)))('rejects %s with exit 2 and a clear line, runs nothing', (_what, edit, expected) => {
    const file = writeTransfer(dir, 'bad.json', edit);
    const out = path.join(dir, 'out');
    expectRefused(['experiment', file, '--out', out], out, expected);
  });

  it.each(cases.filter(([what]) => !CLI.has(what)))('rejects %s with a clear line', (_what, edit, expected) => {
    const file = writeTransfer(dir, 'bad.json', edit);
    expect(inputProblems(() => loadTransfer(file)).join('\n')).toMatch(expected);
  });

  it('a practice that cannot fit a city is left out of it, with the reason; a city nothing fits is an error', () => {
    const plan = loadTransfer(writeTransfer(dir, 'districts.json', (t) => delete t.practices[1].adapt.districts));
    expect(plan.cities.map((c) => c.skipped)).toEqual(
      ['teaching', 'turin'].map(() => [
        { practice: 'renewal', variant: 'adapted', why: 'district 4 does not exist here (4 districts); choose districts by a rule' },
      ]),
    );
    expect(plan.cities[0].arms.map((a) => a.arm)).toEqual(['cardiff-classes--adapted', 'cardiff-classes--double-seats']);
    const none = writeTransfer(dir, 'none.json', (t) => {
      t.practices = [t.practices[1]];
      delete t.practices[0].adapt.districts;
    });
    expect(() => loadTransfer(none)).toThrow(/none\.json: cities\[0\]: no practice fits teaching: renewal: district 4 does not exist here/);
  });

  it('icity validate checks a transfer file like an experiment', () => {
    const good = writeTransfer(dir, 'good.json');
    expect(icity(['validate', good])).toMatchObject({ status: 0, stdout: 'ok\n' });
    const bad = writeTransfer(dir, 'bad.json', (t) => (t.days = 0));
    const r = icity(['validate', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: days: found 0; must be at least 1/);
  });
});
