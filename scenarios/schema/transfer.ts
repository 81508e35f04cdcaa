import { z } from 'zod';
import { INDICATORS } from '../../sim/model/indicators.ts';

/**
 * Transfer experiment files: practices (each a policy as configured in its source city) tried
 * in a list of target cities, each city against its own baseline with replications and
 * common random numbers. Adaptation rules fit a practice to a place: scale its seats and
 * budget to the population, choose its target groups by role and its districts by a rule,
 * and try variants of its parameters. The engine turns a transfer file into one experiment
 * per city (sim/engine/transfer/).
 */

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;
const metricNames = INDICATORS.map((i) => i.name) as [string, ...string[]];

const name = (what: string) =>
  z
    .string()
    .max(48)
    .regex(NAME, { message: 'lower case letters and digits in words joined by single hyphens, e.g. "cardiff-classes"' })
    .meta({ description: `Short name of the ${what}, used in folder names and transfer.csv (lower case letters and digits, words joined by single hyphens).` });

/** Roles that name target groups by what they are in the target city, not by their names. */
export const TARGET_ROLES = ['migrants', 'largestMigrantGroup', 'recentArrivals', 'belowB1', 'hosts', 'all'] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

/** Rules that choose the districts a practice covers in the target city. */
export const DISTRICT_RULES = ['all', 'mostSegregated', 'highestMigrantShare', 'asSource'] as const;
export type DistrictRule = (typeof DISTRICT_RULES)[number];

/** Policy fields that count people or money, so they grow with the city. */
export const SCALABLE_FIELDS = ['seats', 'budget'] as const;

const citySchema = z
  .strictObject({
    name: name('city'),
    label: z.string().max(200).optional().meta({ description: 'How reports name the city (default: its name).' }),
    scenario: z.string().min(1).meta({ description: "The city's scenario file, relative to this file." }),
    set: z
      .record(z.string().regex(PATH), z.unknown())
      .optional()
      .meta({ description: 'Overrides of this city\'s scenario by path, as `icity run --set path=value`, after the transfer file\'s own "set".' }),
    keepPolicies: z.boolean().default(false).meta({
      description:
        "Keep the city's own programmes in its baseline and arms (default: the baseline is the city without its programmes, so a practice is compared with doing nothing).",
    }),
  })
  .meta({ description: 'A target city: a scenario the practices are tried in.' });

const scaleSchema = z
  .strictObject({
    by: z
      .enum(['residents', 'migrants'])
      .default('residents')
      .meta({ description: 'What the practice grows with: all residents, or residents of migrant groups (initial shares).' }),
    fields: z
      .array(z.enum(SCALABLE_FIELDS))
      .min(1)
      .optional()
      .meta({ description: `The policy fields scaled (default: those of ${SCALABLE_FIELDS.join(', ')} the practice sets).` }),
  })
  .meta({ description: 'Scale counts of people and money by the target city\'s population over the source city\'s (needs "from").' });

const adaptSchema = z
  .strictObject({
    scale: scaleSchema.optional(),
    target: z.enum(TARGET_ROLES).optional().meta({
      description:
        'Target groups by role in the target city: migrants (every migrant group), largestMigrantGroup, recentArrivals (groups that arrive during the run: an arrival rate or an arrival wave), belowB1 (groups whose mean host-language proficiency starts below B1, 0.6), hosts, all. Default: the practice\'s own "target" names, kept where the city has them, else the policy\'s default groups.',
    }),
    districts: z
      .strictObject({
        rule: z.enum(DISTRICT_RULES).meta({
          description:
            "all; mostSegregated (the districts whose migrant share is farthest from the city's, at day 0); highestMigrantShare (at day 0); asSource (the practice's own district indices, which must exist in the city).",
        }),
        count: z.number().int().min(1).max(4096).default(1).meta({ description: 'How many districts mostSegregated and highestMigrantShare choose.' }),
      })
      .optional()
      .meta({ description: 'The districts the practice covers in the target city (default: asSource when the practice names districts, else all).' }),
  })
  .meta({ description: 'How the practice is fitted to each target city.' });

const variantSchema = z
  .strictObject({
    name: name('variant'),
    description: z.string().max(2000).optional().meta({ description: 'What the variant changes, for the report.' }),
    set: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.unknown())
      .optional()
      .meta({ description: 'Policy fields set to these values after adaptation, e.g. {"civic": false}.' }),
    scale: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.number().min(0).max(1000))
      .optional()
      .meta({ description: 'Numeric policy fields multiplied by these factors after adaptation, e.g. {"seats": 2}.' }),
  })
  .meta({ description: 'A variant of the adapted practice, to find the local best ("make it their own").' });

const practiceSchema = z
  .strictObject({
    name: name('practice'),
    label: z.string().max(200).optional().meta({ description: 'How reports name the practice (default: its catalogue title, or its name).' }),
    catalogue: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'The id of the practice in scenarios/catalogue/practices.json (city, speaker, evidence), shown beside its results.' }),
    from: z
      .strictObject({
        scenario: z.string().min(1).meta({ description: "The source city's scenario file, relative to this file." }),
        policy: z.number().int().min(0).max(1000).default(0).meta({ description: 'The index of the practice in that scenario\'s "policies".' }),
      })
      .optional()
      .meta({ description: 'Take the practice as configured in its source city.' }),
    policy: z
      .looseObject({})
      .optional()
      .meta({ description: 'The policy entry, written as in a scenario\'s "policies"; with "from", its fields replace those of the source city\'s entry.' }),
    metric: z
      .enum(metricNames)
      .optional()
      .meta({ description: "The indicator that says whether the practice works, for the report's verdicts (default: the first of the metrics)." }),
    adapt: adaptSchema.default({}),
    variants: z
      .array(variantSchema)
      .min(1)
      .max(20)
      .optional()
      .meta({ description: 'Variants tried in every city (default: one, "adapted", the practice as adapted).' }),
  })
  .superRefine((p, ctx) => {
    if (!p.from && !p.policy) ctx.addIssue({ code: 'custom', path: ['policy'], message: 'give the practice\'s policy entry, or "from" its source scenario' });
    if (p.adapt.scale && !p.from)
      ctx.addIssue({ code: 'custom', path: ['adapt', 'scale'], message: 'scaling compares with the source city\'s population; give "from"' });
    const seen = new Set<string>();
    (p.variants ?? []).forEach((v, k) => {
      if (seen.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variants', k, 'name'], message: 'another variant of this practice has this name' });
      seen.add(v.name);
    });
  })
  .meta({ description: 'A good practice of one city, to be tried elsewhere.' });

const reportDay = z.union([z.number().int().min(0).max(36_500), z.literal('end')]);

function unique<T extends { name: string }>(list: T[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((x, k) => {
    if (seen.has(x.name)) ctx.addIssue({ code: 'custom', path: [field, k, 'name'], message: `another entry of ${field} has this name; names must differ` });
    seen.add(x.name);
  });
}

export const transferSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors.' }),
    kind: z.literal('transfer').meta({ description: 'Marks a transfer experiment (practices tried in several cities).' }),
    name: name('transfer experiment'),
    description: z.string().max(20_000).default('').meta({ description: 'What the experiment asks and how to read it.' }),
    cities: z.array(citySchema).min(1).max(100).meta({ description: 'The target cities.' }),
    practices: z.array(practiceSchema).min(1).max(100).meta({ description: 'The practices tried in every city.' }),
    set: z
      .record(z.string().regex(PATH), z.unknown())
      .optional()
      .meta({ description: 'Overrides of every city\'s scenario by path, e.g. {"population.residents": 3000}.' }),
    days: z.number().int().min(1).max(36_500).meta({ description: 'Days every run of every city simulates.' }),
    replications: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(4)
      .meta({ description: 'Runs per arm in each city; replication r of every arm of every city uses the same seed.' }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1)
      .meta({ description: 'Seed of replication 1; replication r uses seed + r − 1.' }),
    metrics: z.array(z.enum(metricNames)).min(1).meta({ description: 'The indicators reported (columns of metrics.csv).' }),
    reportDays: z.array(reportDay).min(1).optional().meta({ description: 'The days transfer.csv gives effects for (default: every 365th day and the end).' }),
  })
  .superRefine((t, ctx) => {
    unique(t.cities, 'cities', ctx);
    unique(t.practices, 'practices', ctx);
  })
  .meta({ title: 'Interethnic City transfer experiment', description: "Good practices of some cities tried in others, each against the city's baseline." });

export type Transfer = z.infer<typeof transferSchema>;
export type TransferPractice = Transfer['practices'][number];
export type TransferCity = Transfer['cities'][number];
export type Adapt = TransferPractice['adapt'];
export type Variant = NonNullable<TransferPractice['variants']>[number];
