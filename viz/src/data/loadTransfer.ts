import { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION, transferManifestSchema, type CataloguePractice } from '../../../sim/formats/transferManifest.ts';
import { parseFormat } from './parseFormat.ts';
import { fetchText } from './fetchData.ts';
import { numberColumn, parseCsv } from './csvTable.ts';
import { ViewerError } from './viewerError.ts';

export type { CataloguePractice };

export interface TransferPracticeInfo {
  name: string;
  label: string;
  metric: string;
  variants: { name: string; description: string }[];
  entry?: CataloguePractice;
}

export interface TransferCityInfo {
  name: string;
  label: string;
  dir: string;
  arms: { arm: string; practice: string; variant: string; notes: string[] }[];
  skipped: { practice: string; variant: string; why: string }[];
  migrantShare: number;
  groups: number;
  segregation: number;
  languageGap: number;
  employmentGap: number;
}

export interface TransferEffect {
  practice: string;
  city: string;
  variant: string;
  metric: string;
  day: number;
  effect: number;
  low: number;
  high: number;
  cost: number;
  costPerUnit: number;
}

export interface Transfer {
  name: string;
  description: string;
  days: number;
  replications: number;
  lastDay: number;
  metrics: { name: string; unit: string; better: number; description: string }[];
  practices: TransferPracticeInfo[];
  cities: TransferCityInfo[];
  effects: TransferEffect[];
}

const NOT_SUMMARISED =
  'The transfer experiment has not finished: run icity experiment on its file again (finished runs are kept), or icity summarise the folder.';

/** Loads a transfer folder's manifest, transfer.csv and cities.csv. */
export async function loadTransfer(json: Record<string, unknown>): Promise<Transfer> {
  const m = parseFormat('manifest.json', json, transferManifestSchema, TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION);
  const [effectsText, citiesText] = await Promise.all([fetchText('transfer.csv'), fetchText('cities.csv')].map((p) => p.catch(notSummarised)));
  const catalogue = m.catalogue;
  const reportDays = m.reportDays;
  const t = parseCsv('transfer.csv', effectsText, ['practice', 'city', 'variant', 'metric', 'day', 'effect', 'low', 'high', 'cost', 'cost_per_unit']);
  const col = (name: string) => t.header.indexOf(name);
  const num = (name: string) => numberColumn(t, name, true);
  const [day, effect, low, high, cost, perUnit] = ['day', 'effect', 'low', 'high', 'cost', 'cost_per_unit'].map(num);
  const effects = t.rows.map((r, i) => ({
    practice: r[col('practice')],
    city: r[col('city')],
    variant: r[col('variant')],
    metric: r[col('metric')],
    day: day[i],
    effect: effect[i],
    low: low[i],
    high: high[i],
    cost: cost[i],
    costPerUnit: perUnit[i],
  }));
  const c = parseCsv('cities.csv', citiesText, ['city', 'migrant_share', 'groups', 'segregation', 'language_gap', 'employment_gap']);
  const chars = new Map(c.rows.map((r, i) => [r[c.header.indexOf('city')], i]));
  const [share, groups, seg, lang, emp] = ['migrant_share', 'groups', 'segregation', 'language_gap', 'employment_gap'].map((n) => numberColumn(c, n));
  const cities = m.cities.map((city) => {
    const k = chars.get(city.name);
    if (k === undefined) throw new ViewerError('cities.csv', `has no row for city "${city.name}" that manifest.json lists`, NOT_SUMMARISED);
    return { ...city, migrantShare: share[k], groups: groups[k], segregation: seg[k], languageGap: lang[k], employmentGap: emp[k] };
  });
  const practices = m.practices.map((p) => ({ ...p, entry: p.catalogue ? catalogue[p.catalogue] : undefined }));
  return {
    name: m.name,
    description: m.description,
    days: m.days,
    replications: m.replications,
    lastDay: reportDays[reportDays.length - 1],
    metrics: m.metricInfo,
    practices,
    cities,
    effects,
  };
}

function notSummarised(err: unknown): never {
  if (err instanceof ViewerError && err.problem === 'is missing') throw new ViewerError(err.file, err.problem, NOT_SUMMARISED);
  throw err;
}
