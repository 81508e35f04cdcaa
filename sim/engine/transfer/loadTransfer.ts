import path from 'node:path';
import { createHash } from 'node:crypto';
import { transferSchema, type Transfer, type TransferCity, type TransferPractice } from '../../../scenarios/schema/transfer.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { readJsonFile } from '../readJson.ts';
import { armScenario, type Override } from '../experiment/armScenario.ts';
import { planExperiment, type ExperimentPlan } from '../experiment/loadExperiment.ts';
import { adaptPolicy, applyVariant, type PolicyEntry } from './adapt.ts';
import { cityProfile, type CityProfile } from './cityProfile.ts';
import { loadCatalogue, type Practice } from './catalogue.ts';

/** The arm of a city's experiment that tries one variant of one practice. */
export interface TransferArm {
  arm: string;
  practice: string;
  variant: string;
  /** How the practice was fitted to the city, in short phrases. */
  notes: string[];
  policy: PolicyEntry;
}

export interface CityPlan {
  city: TransferCity;
  label: string;
  scenarioFile: string;
  profile: CityProfile;
  /** The city's experiment: its baseline and one arm per practice and variant that fits. */
  plan: ExperimentPlan;
  arms: TransferArm[];
  /** Practices that could not be fitted to the city, and why. */
  skipped: { practice: string; variant: string; why: string }[];
}

export interface TransferPlan {
  file: string;
  transfer: Transfer;
  cities: CityPlan[];
  /** The catalogue entries the practices name. */
  catalogue: Record<string, Practice>;
  /** Identifies the runs of every city. */
  hash: string;
}

/** The arm name of a practice's variant: the two names joined by "--", which neither may contain. */
export function armName(practice: string, variant: string): string {
  return `${practice}--${variant}`;
}

export const DEFAULT_VARIANT = 'adapted';

interface Source {
  policy: PolicyEntry;
  /** The source city's population, when the practice is scaled. */
  profile?: Pick<CityProfile, 'residents' | 'migrants'>;
}

/** Reads a transfer file, fits every practice to every city and plans each city's experiment. */
export function loadTransfer(file: string, options: { replications?: number } = {}): TransferPlan {
  const raw = readJsonFile(file);
  const parsed = transferSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeIssues(file, raw, parsed.error.issues, transferSchema));
  const t = parsed.data;
  const problems: string[] = [];
  const catalogue = loadCatalogue();
  t.practices.forEach((p, k) => {
    if (p.catalogue && !catalogue[p.catalogue])
      problems.push(`${file}: practices[${k}].catalogue: found "${p.catalogue}"; the catalogue has ${Object.keys(catalogue).join(', ')}`);
  });
  const sources = t.practices.map((p, k) => practiceSource(file, p, k, problems));
  if (problems.length) throw new InputError(problems);

  const cities: CityPlan[] = [];
  t.cities.forEach((city, c) => {
    try {
      cities.push(planCity(file, t, city, c, sources as Source[], options));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  });
  if (problems.length) throw new InputError(problems);
  const hash = createHash('sha256')
    .update(JSON.stringify(cities.map((c) => [c.city.name, c.plan.hash])))
    .digest('hex');
  const used = Object.fromEntries(t.practices.flatMap((p) => (p.catalogue ? [[p.catalogue, catalogue[p.catalogue]]] : [])));
  return { file, transfer: t, cities, catalogue: used, hash };
}

/** The practice's policy entry as its source city configured it, and that city's population. */
function practiceSource(file: string, p: TransferPractice, k: number, problems: string[]): Source | undefined {
  if (!p.from) return { policy: p.policy as PolicyEntry };
  const scenarioFile = path.resolve(path.dirname(file), p.from.scenario);
  let raw: unknown;
  try {
    raw = readJsonFile(scenarioFile);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems.map((x) => `${file}: practices[${k}].from.scenario: ${x}`));
    return undefined;
  }
  const listed = (raw as { policies?: unknown[] }).policies ?? [];
  const entry = listed[p.from.policy];
  if (!entry || typeof entry !== 'object') {
    problems.push(
      `${file}: practices[${k}].from.policy: found ${p.from.policy}; ${p.from.scenario} lists ${listed.length} polic${listed.length === 1 ? 'y' : 'ies'}`,
    );
    return undefined;
  }
  try {
    // The source city as written, so its population is the one the practice was sized for.
    const scenario = armScenario(file, scenarioFile, raw, [], [], `practices[${k}].from`);
    const policy = { ...(entry as PolicyEntry), ...(p.policy ?? {}) } as PolicyEntry;
    return { policy, profile: p.adapt.scale ? cityProfileLite(scenario) : undefined };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

/** Population counts of a scenario without building it (all scaling needs of a source city). */
function cityProfileLite(s: Scenario): Pick<CityProfile, 'residents' | 'migrants'> {
  const residents = s.population.residents;
  return { residents, migrants: residents * s.population.groups.filter((g) => !g.host).reduce((x, g) => x + g.share, 0) };
}

function planCity(file: string, t: Transfer, city: TransferCity, c: number, sources: Source[], options: { replications?: number }): CityPlan {
  const scenarioFile = path.resolve(path.dirname(file), city.scenario);
  let rawScenario: unknown;
  try {
    rawScenario = readJsonFile(scenarioFile);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((x) => `${file}: cities[${c}].scenario: ${x}`));
  }
  const set: Record<string, unknown> = { ...(t.set ?? {}), ...(city.set ?? {}) };
  if (!city.keepPolicies) set.policies = [];
  const overrides: Override[] = Object.entries(set).map(([key, value]) => ({
    key,
    value,
    where: key === 'policies' ? `cities[${c}] (its programmes left out)` : city.set && key in city.set ? `cities[${c}].set.${key}` : `set.${key}`,
  }));
  overrides.push({ key: 'days', value: t.days, where: 'days' });
  const base = armScenario(file, scenarioFile, rawScenario, overrides, [], `cities[${c}]`);
  const profile = cityProfile(base);

  const arms: TransferArm[] = [];
  const skipped: CityPlan['skipped'] = [];
  const problems: string[] = [];
  t.practices.forEach((p, k) => {
    const src = sources[k];
    const adapted = adaptPolicy(src.policy, p.adapt, { source: src.profile, city: profile });
    for (const [v, variant] of (p.variants ?? [{ name: DEFAULT_VARIANT }]).entries()) {
      if (!adapted.ok) {
        skipped.push({ practice: p.name, variant: variant.name, why: adapted.why });
        continue;
      }
      const { policy, problems: bad } = applyVariant(adapted.policy, variant);
      problems.push(...bad.map((x) => `${file}: practices[${k}].variants[${v}].${x}`));
      arms.push({ arm: armName(p.name, variant.name), practice: p.name, variant: variant.name, notes: adapted.notes, policy });
    }
  });
  if (problems.length) throw new InputError(problems);
  if (!arms.length) throw new InputError([`${file}: cities[${c}]: no practice fits ${city.name}: ${skipped.map((s) => `${s.practice}: ${s.why}`).join('; ')}`]);

  const experiment = {
    name: city.name,
    description: `${t.name}: the practices of ${path.basename(file)} tried in ${city.label ?? city.name}, each against the city's baseline.`,
    scenario: scenarioFile,
    set,
    days: t.days,
    replications: t.replications,
    seed: t.seed,
    baseline: { label: city.keepPolicies ? 'the city as it is' : 'no programmes' },
    arms: arms.map((a) => ({
      name: a.arm,
      description: `${a.practice}, variant ${a.variant}${a.notes.length ? `: ${a.notes.join('; ')}` : ''}`,
      policies: [a.policy],
    })),
    metrics: t.metrics,
    reportDays: t.reportDays,
  };
  let plan: ExperimentPlan;
  try {
    plan = planExperiment(file, experiment, options);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((x) => blameArm(x, file, city.name, arms, t)));
  }
  return { city, label: city.label ?? city.name, scenarioFile, profile, plan, arms, skipped };
}

/** Points a problem of an arm's policy at the practice and variant of the transfer file. */
function blameArm(line: string, file: string, city: string, arms: TransferArm[], t: Transfer): string {
  return line
    .replace(/arms\[(\d+)\]\.policies\[0\]/, (_, k: string) => {
      const a = arms[Number(k)];
      const p = t.practices.findIndex((x) => x.name === a.practice);
      return `practices[${p}] (${a.practice}, variant ${a.variant}, adapted to ${city}).policy`;
    })
    .replace(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (?!practices|cities|set|days)`), `${file}: city ${city}: `);
}
