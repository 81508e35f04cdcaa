import { z } from 'zod';
import { INDICATORS } from '../../sim/model/indicators.ts';

/**
 * Calibration files: a scenario, the parameters to calibrate with their prior ranges, and
 * published targets the runs should reproduce. The engine (sim/engine/calibration/) does
 * history matching over waves of Latin hypercubes: each wave's points are run with
 * replications, a point whose implausibility exceeds the cutoff for some target is ruled
 * out, and the next wave samples inside what is left.
 */

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TARGET_NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;
const metricNames = INDICATORS.map((i) => i.name) as [string, ...string[]];

/** Numeric columns of agents.csv that a correlation target may use. */
export const AGENT_NUMBER_COLUMNS = [
  'language',
  'prejudice',
  'trust',
  'belonging',
  'employed',
  'outgroup_contacts',
  'ingroup_contacts',
  'years_since_arrival',
  'outgroup_ties',
] as const;

/** CEFR levels of agents.csv's language_level, lowest first. */
export const LANGUAGE_LEVELS = ['pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1'] as const;

const overrides = (what: string) =>
  z
    .record(z.string().regex(PATH), z.unknown().meta({ description: 'The value of the field, as it would be written in the scenario file.' }))
    .optional()
    .meta({ description: `${what}: scenario fields by path, exactly like \`icity run --set path=value\`. Numeric path parts index arrays.` });

const policies = z
  .array(z.looseObject({}).meta({ description: 'A policy, written as in the scenario file\'s "policies" list.' }))
  .optional()
  .meta({ description: 'Policies the arm adds to the scenario\'s "policies" list, checked by the scenario schema.' });

const armSchema = z
  .strictObject({
    name: z
      .string()
      .max(40)
      .regex(NAME, { message: 'lower case letters and digits in words joined by single hyphens, e.g. "recognition"' })
      .meta({ description: 'Short name of the arm, used in run folder names (lower case letters and digits, words joined by single hyphens).' }),
    description: z.string().max(20_000).optional().meta({ description: 'What the arm changes, for the report.' }),
    set: overrides('Overrides of this arm only'),
    policies,
  })
  .meta({
    description:
      'A variant of the scenario run beside every point, with the same parameters and seeds (paired): targets measured in it, or the effect of a policy as the difference from the point itself.',
  });

const who = z
  .enum(['hosts', 'migrants', 'all'])
  .default('all')
  .meta({ description: 'Whose rows of agents.csv count: the host group, the migrant groups, or everyone.' });

const filterSchema = z
  .strictObject({
    who,
    ageClass: z
      .array(z.enum(['child', 'adult', 'elder']))
      .min(1)
      .optional()
      .meta({ description: 'Only these age classes (default: all).' }),
    yearsSinceArrival: z
      .strictObject({
        min: z.number().min(0).optional().meta({ description: 'At least this many years since arrival.' }),
        max: z.number().min(0).optional().meta({ description: 'At most this many years since arrival.' }),
      })
      .optional()
      .meta({ description: 'Only residents who arrived within these bounds (those born in the city have none and are left out).' }),
  })
  .meta({ description: 'Which residents (rows of agents.csv at the end of the run) a target is computed over.' });

const published = {
  name: z
    .string()
    .max(64)
    .regex(TARGET_NAME, { message: 'lower case letters and digits in words joined by underscores, e.g. "host_contact_prejudice"' })
    .meta({ description: 'Short name of the target, a column of runs.csv (lower case letters and digits, words joined by underscores).' }),
  value: z.number().meta({ description: 'The published value the runs should reproduce, in the unit of the simulated quantity.' }),
  sd: z.number().positive().meta({
    description:
      'Standard deviation of the observation: how far the published figure could be from the true one (its standard error, or a range read as ± 2 sd).',
  }),
  discrepancy: z.number().min(0).default(0).meta({
    description:
      'Standard deviation of the model discrepancy: how far even the best parameters could miss, because the model city and the quantity measured are not exactly those of the source (default 0).',
  }),
  source: z.string().min(1).max(2000).meta({ description: 'Where the value comes from: authors, year, table or page.' }),
  arm: z.string().optional().meta({
    description: 'Measure the target in this arm instead of the point itself (for "effect" targets: the arm whose difference from the point is the effect).',
  }),
};

const metricTarget = z
  .strictObject({
    type: z.literal('metric').meta({ description: 'A column of metrics.csv on a day.' }),
    ...published,
    metric: z.enum(metricNames).meta({ description: 'The column of metrics.csv.' }),
    day: z.number().int().min(0).max(36_500).meta({ description: 'The day of the row.' }),
  })
  .meta({ description: 'A column of metrics.csv on a day, averaged over replications.' });

const correlationTarget = z
  .strictObject({
    type: z.literal('correlation').meta({ description: 'Pearson correlation of two columns of agents.csv at the end of the run.' }),
    ...published,
    x: z.enum(AGENT_NUMBER_COLUMNS).meta({ description: 'The first column of agents.csv.' }),
    y: z.enum(AGENT_NUMBER_COLUMNS).meta({ description: 'The second column of agents.csv.' }),
    xTransform: z
      .enum(['none', 'log1p'])
      .default('none')
      .meta({ description: 'Transform x before correlating: "log1p" takes log(1 + x), for counts such as encounters whose effect saturates.' }),
    filter: filterSchema.optional(),
  })
  .meta({ description: 'A correlation over residents at the end of the run (agents.csv), e.g. out-group contacts and prejudice among hosts.' });

const languageShareTarget = z
  .strictObject({
    type: z.literal('languageShare').meta({ description: 'Share of residents at a host-language level or above at the end of the run.' }),
    ...published,
    atLeast: z.enum(LANGUAGE_LEVELS).meta({ description: 'The lowest CEFR level (language_level of agents.csv) that counts.' }),
    filter: filterSchema.optional(),
  })
  .meta({ description: 'The share of the filtered residents whose language_level is atLeast or above, at the end of the run.' });

const effectTarget = z
  .strictObject({
    type: z.literal('effect').meta({ description: "A policy's effect: the arm's metric minus the point's, paired by seed, on a day." }),
    ...published,
    arm: z.string().meta({ description: 'The arm with the policy (or the changed setting).' }),
    versus: z.string().optional().meta({ description: 'The arm it is compared with, with the same seed (default: the point itself, without any arm).' }),
    metric: z.enum(metricNames).meta({ description: 'The column of metrics.csv.' }),
    day: z.number().int().min(0).max(36_500).meta({ description: 'The day of the row.' }),
  })
  .meta({
    description: 'The effect of an arm (a policy or a setting) on a metric, the difference from the point with the same seed, e.g. a published effect size.',
  });

export const targetSchema = z.discriminatedUnion('type', [metricTarget, correlationTarget, languageShareTarget, effectTarget]);

const parameterSchema = z
  .strictObject({
    path: z
      .string()
      .regex(PATH)
      .meta({ description: 'The scenario field, by path exactly as `icity run --set path=value` takes it, e.g. "contact.positiveEffect".' }),
    min: z.number().meta({ description: 'The lowest value of the prior range.' }),
    max: z.number().meta({ description: 'The highest value of the prior range.' }),
    scale: z.enum(['linear', 'log']).default('linear').meta({
      description: 'Sample the range evenly ("linear") or evenly in its logarithm ("log", for a range over orders of magnitude; min must be above 0).',
    }),
  })
  .superRefine((p, ctx) => {
    if (!(p.max > p.min)) ctx.addIssue({ code: 'custom', path: ['max'], input: p.max, message: `must be greater than min (${p.min})` });
    if (p.scale === 'log' && !(p.min > 0)) ctx.addIssue({ code: 'custom', path: ['min'], input: p.min, message: 'must be above 0 on a log scale' });
  })
  .meta({ description: 'A numeric scenario field to calibrate and its prior range (uniform on the scale).' });

export const calibrationSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors.' }),
    kind: z.literal('calibration').meta({ description: 'Marks a calibration file.' }),
    name: z
      .string()
      .max(64)
      .regex(NAME, { message: 'lower case letters and digits in words joined by single hyphens, e.g. "default-city"' })
      .meta({ description: 'Short name of the calibration, used for its output folder.' }),
    description: z.string().max(20_000).default('').meta({ description: 'What is calibrated to what, and why.' }),
    scenario: z.string().min(1).meta({ description: 'The scenario file, relative to this file.' }),
    set: overrides('Overrides of the scenario for every run'),
    days: z.number().int().min(1).max(36_500).optional().meta({ description: "Days every run simulates (default: the scenario's days)." }),
    replications: z
      .number()
      .int()
      .min(2)
      .max(100)
      .default(2)
      .meta({ description: "Runs per point (and per arm), with seeds seed, seed + 1, ...; their spread is the model's ensemble variance (at least 2)." }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1)
      .meta({ description: 'Seed of replication 1 at every point (common random numbers across points); also seeds the Latin hypercubes.' }),
    parameters: z.array(parameterSchema).min(1).max(50).meta({ description: 'The parameters to calibrate, each with its prior range.' }),
    arms: z.array(armSchema).max(20).default([]).meta({ description: 'Variants run beside every point, for targets measured in them (policy effects).' }),
    targets: z.array(targetSchema).min(1).max(100).meta({ description: 'The published figures to reproduce.' }),
    runs: z.number().int().min(1).max(1_000_000).meta({
      description: 'Budget: the most runs of all waves together (each point costs replications × (1 + arms) runs), besides the runs of the defaults.',
    }),
    waves: z.number().int().min(1).max(20).default(3).meta({ description: 'Waves of history matching; the budget is shared equally between them.' }),
    cutoff: z
      .number()
      .positive()
      .default(3)
      .meta({ description: "Implausibility above which a point is ruled out (3, Pukelsheim's three-sigma rule, as in Vernon, Goldstein & Bower 2010)." }),
    implausibility: z.enum(['max', 'second-max']).default('max').meta({
      description: "A point's implausibility over all targets: the largest (default) or the second largest (tolerates one target the model cannot meet).",
    }),
  })
  .superRefine((c, ctx) => {
    const paths = new Set<string>();
    c.parameters.forEach((p, k) => {
      if (paths.has(p.path)) ctx.addIssue({ code: 'custom', path: ['parameters', k, 'path'], input: p.path, message: 'another parameter has this path' });
      paths.add(p.path);
      const top = p.path.split('.')[0];
      if (top === 'seed' || top === 'days')
        ctx.addIssue({ code: 'custom', path: ['parameters', k, 'path'], input: p.path, message: `${top} is not a model parameter; use the file's "${top}"` });
    });
    const arms = new Set<string>();
    c.arms.forEach((a, k) => {
      if (arms.has(a.name)) ctx.addIssue({ code: 'custom', path: ['arms', k, 'name'], input: a.name, message: 'another arm has this name' });
      arms.add(a.name);
    });
    const names = new Set<string>();
    c.targets.forEach((t, k) => {
      if (names.has(t.name)) ctx.addIssue({ code: 'custom', path: ['targets', k, 'name'], input: t.name, message: 'another target has this name' });
      names.add(t.name);
      if (t.arm !== undefined && !arms.has(t.arm))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', k, 'arm'],
          input: t.arm,
          message: arms.size ? `unknown arm; arms are ${[...arms].join(', ')}` : 'unknown arm; the file has no "arms"',
        });
      if (t.type === 'effect' && t.versus !== undefined && (!arms.has(t.versus) || t.versus === t.arm))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', k, 'versus'],
          input: t.versus,
          message: t.versus === t.arm ? 'must differ from arm' : `unknown arm; arms are ${[...arms].join(', ') || 'none'}`,
        });
      if ((t.type === 'metric' || t.type === 'effect') && c.days !== undefined && t.day > c.days)
        ctx.addIssue({ code: 'custom', path: ['targets', k, 'day'], input: t.day, message: `must be at most days (${c.days})` });
      if (t.type === 'correlation' && t.x === t.y) ctx.addIssue({ code: 'custom', path: ['targets', k, 'y'], input: t.y, message: 'must differ from x' });
    });
    if (c.implausibility === 'second-max' && c.targets.length < 2)
      ctx.addIssue({ code: 'custom', path: ['implausibility'], input: c.implausibility, message: 'needs at least 2 targets' });
  })
  .meta({
    title: 'Interethnic City calibration',
    description: 'Parameters with prior ranges and published targets; history matching over waves of Latin hypercubes finds the parameter sets not ruled out.',
  });

export type CalibrationInput = z.input<typeof calibrationSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;
export type Target = Calibration['targets'][number];
export type CalibrationParameter = Calibration['parameters'][number];
export type AgentFilter = z.infer<typeof filterSchema>;
