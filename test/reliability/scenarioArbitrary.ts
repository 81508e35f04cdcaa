import fc from 'fast-check';
import { z } from 'zod';
import { scenarioSchema } from '../../sim/policies/scenarioSchema.ts';

/**
 * Random valid scenarios, generated from the scenario's JSON Schema (itself generated from
 * the zod schemas): a random handful of the numeric, boolean and choice parameters get
 * random values within their declared bounds, on a small city so many runs fit in a test.
 */
interface Leaf {
  path: string;
  node: Record<string, any>;
}

function leaves(node: Record<string, any>, path: string, out: Leaf[]): Leaf[] {
  if (node.type === 'object' && node.properties) {
    for (const [k, v] of Object.entries<Record<string, any>>(node.properties)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (['number', 'integer', 'boolean'].includes(node.type) || Array.isArray(node.enum)) out.push({ path, node });
  return out;
}

/** Parameters not drawn freely: sizes (kept small below), names, and sums that must hold. */
const FIXED = /^(population\.residents|days|seed|formatVersion|city\.districts[XY]|record\.framesEvery|city\.tractSize)$/;

const PARAMS = leaves(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>, '', []).filter(
  (l) => !FIXED.test(l.path),
);

function arbitraryOf(leaf: Leaf): fc.Arbitrary<unknown> {
  const n = leaf.node;
  if (n.type === 'boolean') return fc.boolean();
  if (Array.isArray(n.enum)) return fc.constantFrom(...n.enum);
  const min = n.minimum ?? 0;
  const max = Math.min(n.maximum ?? min + 1000, min + 1000);
  if (n.type === 'integer') return fc.integer({ min, max });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

export const scenarioOverrides = fc.record({
  residents: fc.integer({ min: 50, max: 1200 }),
  days: fc.integer({ min: 2, max: 12 }),
  districts: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  params: fc
    .uniqueArray(fc.integer({ min: 0, max: PARAMS.length - 1 }), { maxLength: 10 })
    .chain((idx) => fc.tuple(...idx.map((k) => arbitraryOf(PARAMS[k]).map((v) => [PARAMS[k].path, v] as const)))),
});

export type ScenarioOverrides = typeof scenarioOverrides extends fc.Arbitrary<infer T> ? T : never;

export function toSets(o: ScenarioOverrides): Record<string, unknown> {
  return {
    'population.residents': o.residents,
    days: o.days,
    seed: o.seed,
    'city.districtsX': o.districts,
    'city.districtsY': o.districts,
    ...Object.fromEntries(o.params),
  };
}
