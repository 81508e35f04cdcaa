import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import type { Simulation } from '../../../sim/engine/simulation.ts';
import { allportScore } from '../../../sim/model/allport.ts';
import { SpaceKind } from '../../../sim/model/spaceTypes.ts';
import type { KnobInfo } from './protocol.ts';

/** A scenario as its JSON file has it: what the knobs edit, and what the page exports. */
export type RawScenario = Record<string, unknown>;

/**
 * A knob of the live view. `write` edits the scenario file (the setting from day 0, and what
 * an exported scenario holds); `apply`, for live knobs, changes the running town from the
 * current day on, exactly as `write` would have set it up for the days to come.
 */
export interface Knob extends Omit<KnobInfo, 'value' | 'disabled'> {
  read(sc: Scenario): number;
  write(raw: RawScenario, value: number, sc: Scenario): void;
  apply?(sim: Simulation, value: number): void;
  disabled?(sc: Scenario): string | undefined;
}

/** Sets a dotted path inside the raw scenario, creating the sections a file may leave out. */
export function setPath(raw: RawScenario, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = raw as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    if (node[k] === undefined || node[k] === null || typeof node[k] !== 'object') node[k] = /^\d+$/.test(k) ? [] : {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

type RawGroup = { share?: number; host?: boolean; prejudice?: number; arrivalRate?: number };
const rawGroups = (raw: RawScenario) => ((raw.population as { groups?: RawGroup[] } | undefined)?.groups ?? []) as RawGroup[];
const migrantShare = (sc: Scenario) => sc.population.groups.reduce((s, g) => s + (g.host ? 0 : g.share), 0);

/** Scales the shares of hosts and migrants so that migrants make `m` of the city, keeping their mix. */
function writeMigrantShare(raw: RawScenario, m: number, sc: Scenario): void {
  const before = migrantShare(sc);
  rawGroups(raw).forEach((g, k) => {
    const parsed = sc.population.groups[k];
    const scale = parsed.host ? (1 - m) / (1 - before || 1) : m / (before || 1);
    g.share = round(parsed.share * scale);
  });
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const ALLPORT_CONDITIONS = [
  ['equalStatus', 'equal status'],
  ['commonGoals', 'common goals'],
  ['cooperation', 'cooperation'],
  ['institutionalSupport', 'institutional support'],
] as const;

function allportKnob(space: 'school' | 'workplace', k: number): Knob {
  const [field, words] = ALLPORT_CONDITIONS[k];
  const kind = SpaceKind[space];
  return {
    id: `${space}.${field}`,
    label: `${space === 'school' ? 'Schools' : 'Workplaces'}: ${words}`,
    help: `How far ${space === 'school' ? 'schools' : 'workplaces'} meet Allport's condition of ${words} (0 not at all, 1 fully); good contact lowers prejudice more where the conditions hold (Pettigrew & Tropp 2006).`,
    group: `Allport conditions (${space}s)`,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'scale 0..1',
    toggle: false,
    mode: 'live',
    read: (sc) => sc.spaces[space].allport[field],
    write: (raw, v) => setPath(raw, `spaces.${space}.allport.${field}`, v),
    apply(sim, v) {
      const w = sim.world;
      w.scenario.spaces[space].allport[field] = v;
      const { type, conditions, allport } = w.spaces;
      for (let s = 0; s < w.sizes.spaces; s++) {
        if (type[s] !== kind) continue;
        conditions[s * 4 + k] = v;
        allport[s] = allportScore(conditions, s, w.scenario.contact.institutionalWeight);
      }
    },
  };
}

/** The knobs that teach, in the order the page shows them. */
export const KNOBS: readonly Knob[] = [
  {
    id: 'similarity',
    label: 'Similar neighbours wanted',
    help: 'Share of like neighbours a household wants before it is content to stay (Schelling 1971); each household wants this give or take its own spread.',
    group: 'Housing',
    min: 0,
    max: 0.9,
    step: 0.05,
    unit: 'share',
    toggle: false,
    mode: 'live',
    read: (sc) => sc.housing.similarityThreshold,
    write: (raw, v) => setPath(raw, 'housing.similarityThreshold', v),
    apply(sim, v) {
      const w = sim.world;
      const delta = v - w.scenario.housing.similarityThreshold;
      w.scenario.housing.similarityThreshold = v;
      const t = w.households.threshold;
      for (let h = 0; h < t.length; h++) t[h] = Math.min(1, Math.max(0, t[h] + delta));
    },
  },
  {
    id: 'clustering',
    label: 'Clustering at the start',
    help: 'How far newcomers start out in their own districts: 0 spread across the city, 1 all in their own districts.',
    group: 'The town at the start',
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'scale 0..1',
    toggle: false,
    mode: 'restart',
    read: (sc) => sc.city.clustering,
    write: (raw, v) => setPath(raw, 'city.clustering', v),
  },
  {
    id: 'prejudice',
    label: 'Prejudice of hosts at the start',
    help: 'Mean prejudice of host residents toward migrants on day 0 (0 none, 1 the most).',
    group: 'The town at the start',
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'scale 0..1',
    toggle: false,
    mode: 'restart',
    read: (sc) => sc.population.groups.find((g) => g.host)?.prejudice ?? 0,
    write: (raw, v, sc) =>
      rawGroups(raw).forEach((g, k) => {
        if (sc.population.groups[k].host) g.prejudice = v;
      }),
  },
  {
    id: 'migrants',
    label: 'Migrant share',
    help: 'Share of residents in migrant groups on day 0 (their mix is kept).',
    group: 'The town at the start',
    min: 0.05,
    max: 0.6,
    step: 0.01,
    unit: 'share',
    toggle: false,
    mode: 'restart',
    read: (sc) => round(migrantShare(sc)),
    write: writeMigrantShare,
    disabled: (sc) => (sc.population.groups.every((g) => g.host) ? 'this scenario has no migrant group' : undefined),
  },
  {
    id: 'arrivals',
    label: 'Arrivals per year',
    help: 'Migrants who arrive each year, as a share of the initial population (split among the migrant groups as now).',
    group: 'The town at the start',
    min: 0,
    max: 0.05,
    step: 0.0025,
    unit: 'share of residents per year',
    toggle: false,
    mode: 'restart',
    read: (sc) => round(sc.population.groups.reduce((s, g) => s + (g.host ? 0 : g.arrivalRate), 0)),
    write(raw, v, sc) {
      const groups = sc.population.groups;
      const total = groups.reduce((s, g) => s + (g.host ? 0 : g.arrivalRate), 0);
      const shares = migrantShare(sc);
      rawGroups(raw).forEach((g, k) => {
        const p = groups[k];
        if (!p.host) g.arrivalRate = round(v * (total > 0 ? p.arrivalRate / total : p.share / (shares || 1)));
      });
    },
    disabled: (sc) => (sc.submodels.demography ? undefined : 'births, deaths and arrivals are switched off in this scenario (submodels.demography)'),
  },
  ...([0, 1, 2, 3] as const).map((k) => allportKnob('school', k)),
  ...([0, 1, 2, 3] as const).map((k) => allportKnob('workplace', k)),
];
