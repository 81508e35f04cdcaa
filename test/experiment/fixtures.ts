import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.ts';

/**
 * A small experiment file in `dir`: the default scenario at 2,000 residents in 4 districts,
 * a baseline and one arm that raises Allport's conditions in schools and workplaces.
 */
export function writeExperiment(dir: string, name: string, edit: (e: Record<string, any>) => void = () => {}): string {
  const e: Record<string, any> = {
    name: 'small',
    description: 'A small test experiment.',
    scenario: path.relative(dir, path.join(ROOT, 'scenarios', 'default.json')),
    set: { 'population.residents': 2000, 'city.districtsX': 2, 'city.districtsY': 2 },
    days: 20,
    replications: 2,
    seed: 7,
    arms: [
      {
        name: 'allport',
        description: 'Schools and workplaces meet the contact conditions fully.',
        set: {
          'spaces.school.allport.institutionalSupport': 1,
          'spaces.school.allport.cooperation': 1,
          'spaces.workplace.allport.institutionalSupport': 1,
          'spaces.workplace.allport.equalStatus': 1,
        },
      },
    ],
    metrics: ['prejudice_host', 'prejudice_migrant', 'negative_share', 'language_mean', 'dissimilarity'],
    reportDays: [10, 'end'],
  };
  edit(e);
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(e, null, 2));
  return file;
}

/** Every file under a folder, relative to it, sorted. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
