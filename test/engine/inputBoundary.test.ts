import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile, MAX_INPUT_DEPTH } from '../../sim/engine/readJson.ts';
import { loadScenario } from '../../sim/engine/loadScenario.ts';
import { inputProblems, ROOT, tempDir } from '../helpers.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const DEFAULT = path.join(ROOT, 'scenarios', 'default.json');

const problems = inputProblems;

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}

describe('readJsonFile', () => {
  it('refuses any JSON value but an object at the top level, in one line', () => {
    for (const [text, what] of [
      ['null', 'null'],
      ['[]', 'a list'],
      ['3', 'a number'],
      ['"x"', 'a string'],
      ['true', 'a boolean'],
    ]) {
      const p = problems(() => readJsonFile(file('top.json', text)));
      expect(p).toHaveLength(1);
      expect(p[0]).toContain(`holds ${what}`);
    }
  });

  it('refuses nesting far past what a person writes, without overflowing the stack', () => {
    for (const depth of [MAX_INPUT_DEPTH + 1, 5_000, 100_000]) {
      const p = problems(() => readJsonFile(file('deep.json', `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`)));
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/nested more than 64 levels deep/);
    }
    expect(readJsonFile(file('ok.json', `{"a":${'['.repeat(20)}${']'.repeat(20)}}`))).toBeTruthy();
  });

  it('refuses a FIFO and a device at once instead of blocking or reading without end', () => {
    const fifo = path.join(dir, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(problems(() => readJsonFile(fifo))[0]).toMatch(/not a regular file/);
    expect(problems(() => readJsonFile('/dev/zero'))[0]).toMatch(/not a regular file/);
  });
});

describe('--set lands on a field or is refused', () => {
  it('refuses list indices that are not item numbers, or are past the list, at once', () => {
    expect(problems(() => loadScenario(DEFAULT, ['population.groups.01.language=0.9']))[0]).toMatch(/must be an item number from 0 to 4/);
    expect(problems(() => loadScenario(DEFAULT, ['population.groups.-1.prejudice=0.9']))[0]).toMatch(/must be an item number/);
    const started = Date.now();
    expect(problems(() => loadScenario(DEFAULT, ['population.groups.4294967294.share=1']))[0]).toMatch(
      /has 5 items \(0 to 4\), so there is no item 4294967294/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(problems(() => loadScenario(DEFAULT, ['population.nofield=1']))[0]).toMatch(/unknown field/);
    expect(loadScenario(DEFAULT, ['population.groups.1.language=0.9']).population.groups[1].language).toBe(0.9);
  });
});

describe('numbers out of range', () => {
  it('names a number too large to hold instead of "found null", and gives one limit per field', () => {
    const s = JSON.parse(fs.readFileSync(DEFAULT, 'utf8'));
    const inf = problems(() => loadScenario(file('inf.json', JSON.stringify(s).replace('"residents":100000', '"residents":1e400'))));
    expect(inf.join('\n')).toMatch(/population\.residents: found a number too large to hold/);
    const huge = problems(() => loadScenario(file('huge.json', JSON.stringify(s).replace('"residents":100000', '"residents":1e308'))));
    expect(huge.filter((l) => l.includes('population.residents'))).toEqual([expect.stringMatching(/must be at most 50000000$/)]);
  });
});

describe('districts the city cannot hold', () => {
  it('refuses more districts across than the grid has dwellings, instead of quietly making fewer', () => {
    const tiny = {
      name: 't',
      city: { districtsX: 64, districtsY: 64 },
      population: {
        residents: 100,
        groups: [
          { name: 'a', share: 0.5, host: true },
          { name: 'b', share: 0.5 },
        ],
      },
    };
    const p = problems(() => loadScenario(file('districts.json', JSON.stringify(tiny))));
    expect(p[0]).toMatch(/city\.districtsX: found 64; 100 residents live on a grid of about 6 × 6 dwellings, so at most 6 districts across/);
    const policy = { ...tiny, city: { districtsX: 2, districtsY: 2 }, policies: [{ type: 'guarantors', districts: [3000] }] };
    expect(problems(() => loadScenario(file('policy.json', JSON.stringify(policy)))).join('\n')).toMatch(
      /policies\[0\]\.districts\[0\]: found 3000; no such district; the city has districts 0\.\.3/,
    );
  });
});
