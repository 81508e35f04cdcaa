import { z } from 'zod';
import { INDICATORS } from '../../sim/model/indicators.ts';
import { designSchema } from './design.ts';

/**
 * Experiment files: a base scenario, a baseline and named arms, each replicated with the
 * same seeds (common random numbers). The arms' scenarios are checked by the scenario
 * schema after their overrides and policies are applied (sim/engine/experiment/).
 */

/** The metrics reported when an experiment names none: the headline indicators. */
export const DEFAULT_METRICS = [
  'dissimilarity',
  'school_dissimilarity',
  'outgroup_encounter_share',
  'negative_share',
  'prejudice_host',
  'prejudice_migrant',
  'trust_migrant',
  'belonging_migrant',
  'language_mean',
  'employment_migrant',
  'employment_gap',
  'incidents',
] as const;

const NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;

const metricNames = INDICATORS.map((i) => i.name) as [string, ...string[]];

function overrides(what: string) {
  return z
    .record(z.string().regex(PATH), z.unknown().meta({ description: 'The value of the field, as it would be written in the scenario file.' }))
    .optional()
    .meta({
      description: `${what}: scenario fields by path, exactly like \`icity run --set path=value\`, e.g. {"spaces.school.allport.institutionalSupport": 1}. Numeric path parts index arrays.`,
    });
}

function policies(what: string) {
  return z
    .array(z.looseObject({}).meta({ description: 'A policy, written as in the scenario file\'s "policies" list.' }))
    .optional()
    .meta({ description: `Policies ${what}, appended to the scenario's "policies" list and checked by the scenario schema.` });
}

const baselineSchema = z
  .strictObject({
    label: z.string().max(200).optional().meta({ description: 'How reports name the baseline (default "baseline"); its folder is always "baseline".' }),
    set: overrides('Overrides of the baseline only'),
    policies: policies('of the baseline only'),
  })
  .meta({ description: 'The arm every other arm is compared with. Empty: the base scenario as it is.' });

const armSchema = z
  .strictObject({
    name: z
      .string()
      .regex(NAME)
      .refine((n) => n !== 'baseline', { message: '"baseline" is the name of the baseline arm; choose another' })
      .meta({ description: 'Short name of the arm, used for its run folders and in the summary (lower case letters, digits, -).' }),
    description: z.string().max(20_000).optional().meta({ description: 'What the arm changes and why, for the report.' }),
    set: overrides('Overrides of this arm'),
    policies: policies('this arm adds'),
  })
  .meta({ description: 'A policy arm: the base scenario with its own overrides and policies.' });

/** The most posterior draws an experiment may make: every draw is seedsPerDraw runs of every arm. */
export const MAX_POSTERIOR_DRAWS = 10_000;

const parametersSchema = z
  .strictObject({
    posterior: z.string().min(1).meta({
      description:
        'A posterior.csv of a calibration, relative to this file: a column per calibrated parameter named by its scenario path (e.g. "contact.positiveEffect"), then "weight" (non-negative); one row per accepted parameter set.',
    }),
    draws: z.number().int().min(2).max(MAX_POSTERIOR_DRAWS).meta({
      description:
        "How many parameter sets to draw from the posterior (weighted, without replacement, seeded by the experiment's seed). Each draw is the same for every arm; replications are draws × seedsPerDraw.",
    }),
    seedsPerDraw: z.number().int().min(1).max(100).default(1).meta({
      description:
        "Replications (seeds) per draw. At least 2 to split an effect's uncertainty into a parameter and a stochastic part; with 1 the summary gives only the sign share and the interval over draws.",
    }),
  })
  .meta({
    description:
      'Parameter uncertainty: each replication runs with a parameter set drawn from a calibration\'s posterior, applied under each arm\'s own "set" (an arm that sets a calibrated path itself keeps its value).',
  });

const reportDay = z
  .union([z.number().int().min(0).max(36_500), z.literal('end')])
  .meta({ description: 'A day of the runs (0 is the initial state) or "end" for the last day.' });

export const experimentSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors.' }),
    name: z.string().regex(NAME).meta({ description: 'Short name of the experiment, used for its output folder (lower case letters, digits, -).' }),
    description: z.string().max(20_000).default('').meta({ description: 'What the experiment asks and how to read it.' }),
    scenario: z.string().min(1).meta({ description: 'The base scenario file, relative to this file.' }),
    set: overrides('Overrides of the base scenario for every arm'),
    days: z.number().int().min(1).max(36_500).optional().meta({ description: "Days every run simulates (default: the scenario's days)." }),
    replications: z.number().int().min(1).max(10_000).optional().meta({
      description:
        'Runs per arm (default: the number of seeds, or 10; with "parameters", draws × seedsPerDraw). Replication r of every arm uses the same seed.',
    }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional()
      .meta({ description: 'Seed of replication 1; replication r uses seed + r − 1 (default 1). Give this or seeds, not both.' }),
    seeds: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .meta({ description: 'The seed of one replication.' }),
      )
      .min(1)
      .max(10_000)
      .optional()
      .meta({ description: 'The seed of each replication, in order; replications takes the first ones.' }),
    parameters: parametersSchema.optional(),
    baseline: baselineSchema.optional(),
    arms: z.array(armSchema).max(100).default([]).meta({ description: 'The arms compared with the baseline. At least one, unless a design gives the arms.' }),
    design: designSchema.optional(),
    metrics: z
      .array(z.enum(metricNames).meta({ description: 'The name of an indicator (a column of metrics.csv).' }))
      .min(1)
      .optional()
      .meta({ description: `The indicators to report (default: ${DEFAULT_METRICS.join(', ')}).` }),
    reportDays: z
      .array(reportDay)
      .min(1)
      .optional()
      .meta({ description: 'The days summary.csv and the report give effects for (default: every 365th day and the end).' }),
    reportWindow: z
      .union([z.literal('since-previous'), z.literal('cumulative'), z.number().int().min(1).max(36_500)])
      .optional()
      .meta({
        description:
          'How counts per day (incidents, encounters, spending) are summed for each report day: "since-previous" (default) from the day after the previous report day, "cumulative" from day 1, or a number N for the last N days.',
      }),
  })
  .superRefine((e, ctx) => {
    if (e.seed !== undefined && e.seeds !== undefined) ctx.addIssue({ code: 'custom', path: ['seeds'], message: 'give seed or seeds, not both' });
    if (e.seeds && new Set(e.seeds).size !== e.seeds.length) ctx.addIssue({ code: 'custom', path: ['seeds'], message: 'seeds must differ from each other' });
    if (e.seeds && e.replications !== undefined && e.replications > e.seeds.length) {
      ctx.addIssue({ code: 'custom', path: ['replications'], message: `at most ${e.seeds.length} (the number of seeds given)` });
    }
    if (e.parameters && e.replications !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['replications'],
        message: 'with "parameters", replications are parameters.draws × parameters.seedsPerDraw; remove it',
      });
    if (e.parameters && e.seeds && e.seeds.length < e.parameters.draws * e.parameters.seedsPerDraw)
      ctx.addIssue({
        code: 'custom',
        path: ['seeds'],
        message: `lists ${e.seeds.length} seeds; parameters.draws × parameters.seedsPerDraw = ${e.parameters.draws * e.parameters.seedsPerDraw} replications need as many`,
      });
    if (e.arms.length === 0 && !e.design)
      ctx.addIssue({ code: 'custom', path: ['arms'], message: 'give at least one arm, or a design whose points are the arms' });
    const seen = new Set<string>();
    e.arms.forEach((arm, k) => {
      if (seen.has(arm.name)) ctx.addIssue({ code: 'custom', path: ['arms', k, 'name'], message: 'another arm has this name; names must differ' });
      seen.add(arm.name);
    });
  })
  .meta({
    title: 'Interethnic City experiment',
    description: 'A baseline and policy arms, each run with the same replications, compared with confidence intervals.',
  });

export type ExperimentInput = z.input<typeof experimentSchema>;
export type Experiment = z.infer<typeof experimentSchema>;
