import fs from 'node:fs';
import type { World } from '../model/world.ts';
import { Count, Flag, Trait } from '../model/world.ts';
import { LEVELS, levelIndex } from '../model/levels.ts';
import { AGE_CLASSES, AgeClass, NONE } from '../model/spaceTypes.ts';
import { STRATEGIES, strategyIndex } from '../model/berry.ts';
import { csvLine } from './csv.ts';

/** Columns of agents.csv, one row per resident at the end of the run. */
export const AGENT_COLUMNS: readonly { name: string; unit: string; description: string }[] = [
  { name: 'id', unit: 'index', description: 'Resident index (stable within a run).' },
  { name: 'group', unit: 'name', description: 'Population group.' },
  { name: 'district', unit: 'index', description: 'District of the home dwelling.' },
  { name: 'age_class', unit: 'child/adult/elder', description: 'Age class: child (0-17), adult (18-64), elder (65+).' },
  { name: 'language', unit: 'proficiency 0..1', description: 'Host-language proficiency (1 = native).' },
  { name: 'prejudice', unit: 'scale 0..1', description: 'Prejudice toward the out-group.' },
  { name: 'trust', unit: 'scale 0..1', description: 'Trust in institutions.' },
  { name: 'belonging', unit: 'scale 0..1', description: 'Sense of belonging to the city.' },
  { name: 'employed', unit: '0/1', description: '1 if the resident has a job.' },
  { name: 'outgroup_contacts', unit: 'encounters', description: 'Out-group encounters over the run, including the initial day.' },
  { name: 'ingroup_contacts', unit: 'encounters', description: 'In-group encounters over the run.' },
  { name: 'strategy', unit: 'name', description: 'Berry acculturation strategy of migrants; "host" for the host group.' },
  { name: 'sex', unit: 'female/male', description: 'Sex.' },
  { name: 'education', unit: 'low/medium/high', description: 'Education (children count as low until they come of age).' },
  { name: 'years_since_arrival', unit: 'years', description: 'Years since the resident arrived in the city; empty for those born in the city.' },
  { name: 'language_level', unit: 'CEFR level', description: 'Host-language level: pre_a1, a1, a2, b1, b2 or c1.' },
  { name: 'outgroup_ties', unit: 'ties', description: 'Number of tie links to residents of other groups.' },
  { name: 'foreign_diploma', unit: 'none/recognised/unrecognised', description: 'Whether the resident holds a foreign diploma, and whether it is recognised.' },
];

const EDUCATION = ['low', 'medium', 'high'] as const;

export function writeAgents(file: string, world: World, day: number): void {
  const fd = fs.openSync(file, 'w');
  const r = world.residents;
  const hh = world.households;
  const groups = world.scenario.population.groups;
  const host = groups.findIndex((g) => g.host);
  const chunk: string[] = [csvLine(AGENT_COLUMNS.map((c) => c.name))];
  const R = world.counts[Count.residents];
  for (let i = 0; i < R; i++) {
    if (r.age[i] === AgeClass.gone) continue;
    const h = r.household[i];
    chunk.push(
      csvLine([
        i,
        groups[r.group[i]].name,
        world.dwellings.district[hh.dwelling[h]],
        AGE_CLASSES[r.age[i]],
        r.language[i],
        r.prejudice[i],
        r.trust[i],
        r.belonging[i],
        r.job[i] !== NONE ? 1 : 0,
        r.outgroupContacts[i],
        r.ingroupContacts[i],
        r.group[i] === host ? 'host' : STRATEGIES[strategyIndex(r.heritage[i], r.adoption[i])],
        r.flags[i] & Flag.female ? 'female' : 'male',
        EDUCATION[r.education[i]],
        r.traits[i] & Trait.bornHere ? '' : Math.round(((day - r.arrival[i]) / 365) * 100) / 100,
        LEVELS[levelIndex(r.language[i])],
        r.outgroupTies[i],
        r.flags[i] & Flag.foreignDiploma ? (r.flags[i] & Flag.recognised ? 'recognised' : 'unrecognised') : 'none',
      ]),
    );
    if (chunk.length >= 4096) {
      fs.writeSync(fd, chunk.join(''));
      chunk.length = 0;
    }
  }
  fs.writeSync(fd, chunk.join(''));
  fs.closeSync(fd);
}
