import type { World } from '../model/world.ts';
import { Count, Flag, Trait } from '../model/world.ts';
import { LEVELS, levelIndex } from '../model/levels.ts';
import { AGE_CLASSES, AgeClass, NONE } from '../model/spaceTypes.ts';
import { STRATEGIES, strategyIndex } from '../model/berry.ts';
import type { ParquetType } from './tables/parquetTable.ts';

/** Columns of agents.csv / agents.parquet, one row per resident; `type` is the Parquet column type. */
export const AGENT_COLUMNS: readonly { name: string; unit: string; description: string; type: ParquetType; nullable?: boolean }[] = [
  { name: 'id', unit: 'index', type: 'INT32', description: 'Resident index (stable within a run).' },
  { name: 'group', unit: 'name', type: 'STRING', description: 'Population group.' },
  { name: 'district', unit: 'index', type: 'INT32', description: 'District of the home dwelling.' },
  { name: 'age_class', unit: 'child/adult/elder', type: 'STRING', description: 'Age class: child (0-17), adult (18-64), elder (65+).' },
  { name: 'language', unit: 'proficiency 0..1', type: 'FLOAT', description: 'Host-language proficiency (1 = native).' },
  { name: 'prejudice', unit: 'scale 0..1', type: 'FLOAT', description: 'Prejudice toward the out-group.' },
  { name: 'trust', unit: 'scale 0..1', type: 'FLOAT', description: 'Trust in institutions.' },
  { name: 'belonging', unit: 'scale 0..1', type: 'FLOAT', description: 'Sense of belonging to the city.' },
  { name: 'employed', unit: '0/1', type: 'INT32', description: '1 if the resident has a job.' },
  { name: 'outgroup_contacts', unit: 'encounters', type: 'INT32', description: 'Out-group encounters over the run, including the initial day.' },
  { name: 'ingroup_contacts', unit: 'encounters', type: 'INT32', description: 'In-group encounters over the run.' },
  { name: 'strategy', unit: 'name', type: 'STRING', description: 'Berry acculturation strategy of migrants; "host" for the host group.' },
  { name: 'sex', unit: 'female/male', type: 'STRING', description: 'Sex.' },
  { name: 'education', unit: 'low/medium/high', type: 'STRING', description: 'Education (children count as low until they come of age).' },
  {
    name: 'years_since_arrival',
    unit: 'years',
    type: 'DOUBLE',
    nullable: true,
    description: 'Years since the resident arrived in the city; empty for those born in the city.',
  },
  { name: 'language_level', unit: 'CEFR level', type: 'STRING', description: 'Host-language level: pre_a1, a1, a2, b1, b2 or c1.' },
  { name: 'outgroup_ties', unit: 'ties', type: 'INT32', description: 'Number of tie links to residents of other groups.' },
  {
    name: 'foreign_diploma',
    unit: 'none/recognised/unrecognised',
    type: 'STRING',
    description: 'Whether the resident holds a foreign diploma, and whether it is recognised.',
  },
];

const EDUCATION = ['low', 'medium', 'high'] as const;

/** Residents per batch: large enough for compact row groups, small enough to cost a few MB. */
export const AGENT_BATCH = 65_536;

/** One batch of living residents, column by column in AGENT_COLUMNS order. */
export type AgentBatch = [
  Int32Array,
  string[],
  Int32Array,
  string[],
  Float32Array,
  Float32Array,
  Float32Array,
  Float32Array,
  Int32Array,
  Int32Array,
  Int32Array,
  string[],
  string[],
  string[],
  (number | null)[],
  string[],
  Int32Array,
  string[],
];

/** The living residents of the world on `day`, in index order, in batches of at most `size`. */
export function* agentBatches(world: World, day: number, size = AGENT_BATCH): Generator<AgentBatch> {
  const r = world.residents;
  const hh = world.households;
  const groups = world.scenario.population.groups;
  const groupNames = groups.map((g) => g.name);
  const host = groups.findIndex((g) => g.host);
  const R = world.counts[Count.residents];
  let i = 0;
  while (i < R) {
    const ids: number[] = [];
    for (; i < R && ids.length < size; i++) if (r.age[i] !== AgeClass.gone) ids.push(i);
    const n = ids.length;
    if (n === 0) break;
    const b: AgentBatch = [
      Int32Array.from(ids),
      new Array<string>(n),
      new Int32Array(n),
      new Array<string>(n),
      new Float32Array(n),
      new Float32Array(n),
      new Float32Array(n),
      new Float32Array(n),
      new Int32Array(n),
      new Int32Array(n),
      new Int32Array(n),
      new Array<string>(n),
      new Array<string>(n),
      new Array<string>(n),
      new Array<number | null>(n),
      new Array<string>(n),
      new Int32Array(n),
      new Array<string>(n),
    ];
    for (let k = 0; k < n; k++) {
      const j = ids[k];
      b[1][k] = groupNames[r.group[j]] ?? corrupt(j, 'group', r.group[j]);
      b[2][k] = world.dwellings.district[hh.dwelling[r.household[j]]];
      b[3][k] = AGE_CLASSES[r.age[j]] ?? corrupt(j, 'age class', r.age[j]);
      b[4][k] = r.language[j];
      b[5][k] = r.prejudice[j];
      b[6][k] = r.trust[j];
      b[7][k] = r.belonging[j];
      b[8][k] = r.job[j] !== NONE ? 1 : 0;
      b[9][k] = r.outgroupContacts[j];
      b[10][k] = r.ingroupContacts[j];
      b[11][k] = r.group[j] === host ? 'host' : STRATEGIES[strategyIndex(r.heritage[j], r.adoption[j])];
      b[12][k] = r.flags[j] & Flag.female ? 'female' : 'male';
      b[13][k] = EDUCATION[r.education[j]] ?? corrupt(j, 'education', r.education[j]);
      b[14][k] = r.traits[j] & Trait.bornHere ? null : Math.round(((day - r.arrival[j]) / 365) * 100) / 100;
      b[15][k] = LEVELS[levelIndex(r.language[j])] ?? corrupt(j, 'language', r.language[j]);
      b[16][k] = r.outgroupTies[j];
      b[17][k] = r.flags[j] & Flag.foreignDiploma ? (r.flags[j] & Flag.recognised ? 'recognised' : 'unrecognised') : 'none';
    }
    yield b;
  }
}

/**
 * A coded field with no label (a group, age class or education code out of range, or a
 * language proficiency that is not a number in 0..1) means the city's state is corrupt: say
 * which resident and field, instead of leaving an empty cell that the table writer rejects
 * without saying where.
 */
function corrupt(resident: number, field: string, value: number): never {
  throw new Error(`agents: resident ${resident} has ${field} ${value}, which has no label: the city's state is corrupt`);
}
