import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../sim/engine/loadScenario.ts';
import { MAX_INPUT_BYTES, parseJsonText } from '../../sim/engine/readJson.ts';
import { loadExperiment } from '../../sim/engine/experiment/loadExperiment.ts';
import { InputError } from '../../sim/engine/inputError.ts';
import { runCity } from '../../sim/engine/runCity.ts';
import { readFramesHeader } from '../../viz/src/data/framesHeader.ts';
import { ViewerError } from '../../viz/src/data/viewerError.ts';
import { ROOT, smallCity, tempDir } from '../helpers.ts';

const FUZZ_RUNS = 400;
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const scenarioJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'default.json'), 'utf8'));

type Json = unknown;
/** Every path to a value inside a JSON document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v))
    v.forEach((x, i) => {
      paths(x, [...at, i], out);
    });
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** A copy of doc with the value at a random path replaced, removed, or given a new sibling. */
const mutation = (doc: Json) => {
  const all = paths(doc);
  return fc
    .tuple(
      fc.integer({ min: 0, max: all.length - 1 }),
      fc.constantFrom('replace', 'delete', 'add'),
      fc.jsonValue({ maxDepth: 4 }),
      fc.string({ maxLength: 12 }),
    )
    .map(([k, kind, value, key]) => {
      const copy = structuredClone(doc) as any;
      const at = all[k];
      if (at.length === 0) return kind === 'replace' ? value : copy;
      let node = copy;
      for (const p of at.slice(0, -1)) node = node[p];
      const last = at[at.length - 1];
      if (kind === 'replace') node[last] = value;
      else if (kind === 'delete') Array.isArray(node) ? node.splice(Number(last), 1) : delete node[last];
      else if (node[last] && typeof node[last] === 'object' && !Array.isArray(node[last])) node[last][key] = value;
      return copy;
    });
};

function onlyClearErrors(fn: () => unknown, ErrorType: new (...a: any[]) => Error) {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ErrorType)) throw new Error(`expected only ${ErrorType.name}, got ${(err as Error)?.stack ?? String(err)}`);
    const text = (err as Error).message;
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/\n\s+at /);
  }
}

describe('fuzzing the readers: any input gives a result or the clear error, never a crash', () => {
  it('the scenario parser, on mutated scenarios', () => {
    fc.assert(
      fc.property(mutation(scenarioJson), (doc) => {
        onlyClearErrors(() => parseScenario(doc, 'fuzz.json'), InputError);
      }),
      { numRuns: FUZZ_RUNS, seed: 1 },
    );
  });

  it('the scenario parser, on arbitrary JSON and deeply nested junk', () => {
    const deep = (n: number): Json => (n === 0 ? 1 : { a: [deep(n - 1)] });
    onlyClearErrors(() => parseScenario(deep(2000), 'deep.json'), InputError);
    onlyClearErrors(
      () =>
        parseScenario(
          { ...scenarioJson, population: { ...scenarioJson.population, groups: Array.from({ length: 100000 }, () => ({ name: 'x', share: 0 })) } },
          'huge.json',
        ),
      InputError,
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (doc) => {
        onlyClearErrors(() => parseScenario(doc, 'fuzz.json'), InputError);
      }),
      { numRuns: FUZZ_RUNS, seed: 2 },
    );
  });

  it('NaN and Infinity in a scenario are refused', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => parseScenario({ ...scenarioJson, days: bad }, 'nan.json')).toThrow(InputError);
      expect(() => parseScenario({ ...scenarioJson, city: { density: bad } }, 'nan.json')).toThrow(InputError);
    }
  });

  it('the JSON reader, on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        onlyClearErrors(() => parseJsonText('bytes.json', bytes), InputError);
      }),
      { numRuns: FUZZ_RUNS, seed: 3 },
    );
  });

  it('the file reader with the scenario and experiment loaders, on any JSON value at the top level and any nesting depth', () => {
    const file = path.join(dir, 'any.json');
    const load = () => {
      loadScenario(file);
      loadExperiment(file);
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        fs.writeFileSync(file, JSON.stringify(value) ?? 'null');
        onlyClearErrors(load, InputError);
      }),
      { numRuns: FUZZ_RUNS / 4, seed: 5 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 200_000 }), fc.constantFrom('[', '{"a":'), (depth, open) => {
        fs.writeFileSync(file, open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth));
        onlyClearErrors(load, InputError);
      }),
      { numRuns: 20, seed: 6 },
    );
  });

  it('the file reader, on a file larger than the limit', () => {
    const file = path.join(dir, 'large.json');
    fs.writeFileSync(file, `{"description":"${'x'.repeat(MAX_INPUT_BYTES)}"}`);
    expect(() => loadScenario(file)).toThrow(/bytes; input files may be at most 16777216 bytes/);
    fs.rmSync(file);
  });

  it("the viewer's frames reader, on mutated frames headers", () => {
    const out = path.join(dir, 'run');
    runCity(smallCity({ 'population.residents': 500, days: 3 }), { out });
    const header = JSON.parse(fs.readFileSync(path.join(out, 'frames.json'), 'utf8'));
    expect(readFramesHeader('frames.json', header).days).toEqual([0, 1, 2, 3]);
    fc.assert(
      fc.property(mutation(header), (doc) => {
        onlyClearErrors(() => readFramesHeader('frames.json', doc as Record<string, unknown>), ViewerError);
      }),
      { numRuns: FUZZ_RUNS, seed: 4 },
    );
  });
});
