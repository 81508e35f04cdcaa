import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.ts';

/**
 * A small transfer experiment file in `dir`: Cardiff's classes (scaled, for the largest
 * migrant group, in two variants) and Turin's renewal (in the most segregated district)
 * tried in the teaching town and in Turin, at 1,500 residents for 20 days.
 */
export function writeTransfer(dir: string, name: string, edit: (t: Record<string, any>) => void = () => {}): string {
  const rel = (f: string) => path.relative(dir, path.join(ROOT, 'scenarios', f));
  const t: Record<string, any> = {
    kind: 'transfer',
    name: 'small',
    description: 'A small transfer test.',
    cities: [
      { name: 'teaching', scenario: rel('teaching.json') },
      { name: 'turin', scenario: rel('turin.json'), set: { 'city.districtsX': 2, 'city.districtsY': 2 } },
    ],
    practices: [
      {
        name: 'cardiff-classes',
        catalogue: 'cardiff-civic-classes',
        from: { scenario: rel('cardiff.json') },
        policy: { start: 0 },
        adapt: { scale: { by: 'migrants' }, target: 'largestMigrantGroup' },
        variants: [{ name: 'adapted' }, { name: 'double-seats', scale: { seats: 2 } }],
      },
      {
        name: 'renewal',
        catalogue: 'porta-palazzo-renewal',
        from: { scenario: rel('turin.json') },
        policy: { start: 0, worksDays: 10 },
        adapt: { districts: { rule: 'mostSegregated' } },
      },
    ],
    set: { 'population.residents': 1500 },
    days: 20,
    replications: 2,
    seed: 3,
    metrics: ['trust_migrant', 'outgroup_encounter_share', 'prejudice_host'],
    reportDays: [10, 'end'],
  };
  edit(t);
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(t, null, 2));
  return file;
}

/** A CSV file's rows as objects of strings, by column name. */
export function csvObjects(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}
