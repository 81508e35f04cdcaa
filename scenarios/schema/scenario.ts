import { z } from 'zod';
import { flag, int, section } from './param.ts';
import { citySchema, populationSchema } from './city.ts';
import { spacesSchema } from './spaces.ts';
import { contactSchema } from './contact.ts';
import { housingSchema } from './housing.ts';
import { languageSchema } from './language.ts';
import { labourSchema } from './labour.ts';
import { attitudesSchema, demographySchema, tiesSchema } from './society.ts';
import { timelineSchema } from './timeline.ts';
import { policyName } from './policyName.ts';

/** Version of the scenario format; a file written for a newer version is refused. */
export const SCENARIO_FORMAT_VERSION = 1;

const submodelsSchema = section(
  {
    contact: flag(true, { description: 'Residents go to spaces and meet there; encounters change prejudice.' }),
    attitudes: flag(true, { description: 'Neighbourhood norms, extended contact, threat, trust, belonging and acculturation change daily.' }),
    demography: flag(true, { description: 'Arrivals, departures, births, ageing and deaths.' }),
    language: flag(true, { description: 'Migrants learn the host language from talk and exposure.' }),
    labour: flag(true, { description: 'Adults find and lose jobs.' }),
    housing: flag(true, { description: 'Unhappy households move (Schelling).' }),
  },
  'Which submodels run. The classic Schelling model runs housing alone.',
);

const recordSchema = section(
  {
    frames: flag(true, { description: 'Write frames (the dwelling grid by group and district aggregates) for the viewer.' }),
    framesEvery: int(1, 1, 3650, { description: 'Days between recorded frames (day 0 and the last day are always recorded).', unit: 'days' }),
    every: int(1, 1, 3650, {
      description:
        'Days between rows of metrics.csv (day 0 and the last day are always recorded). The census is taken on those days only, so each row is exact for its day; what counts a day (encounters, arrivals, spending) counts that day alone. Experiments need every day (1) for their costs.',
      unit: 'days',
    }),
  },
  'What the run records besides metrics.csv.',
);

/** The fields every policy entry has (sim/policies/policy.ts); the scenario checks some against the rest of the file. */
export interface PolicyEntryCommon {
  type: string;
  name?: string;
  target?: string[];
  districts?: number[];
  start: number;
  stop: number;
  budget: number;
  protected: boolean;
}

/**
 * The scenario schema, given the schema of one policy entry. The policies' own schemas are
 * in sim/policies, which builds the full scenario schema with it (sim/policies/scenarioSchema.ts):
 * this layer imports nothing from the model or the policies.
 */
export function scenarioSchemaWith<P extends z.ZodType>(policyEntry: P) {
  return z
    .strictObject({
      $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors.' }),
      formatVersion: z
        .number()
        .int()
        .min(1)
        .max(SCENARIO_FORMAT_VERSION)
        .default(SCENARIO_FORMAT_VERSION)
        .meta({
          description: `Version of the scenario format this file is written for (this version reads up to ${SCENARIO_FORMAT_VERSION}).`,
          unit: 'version',
        }),
      name: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
        .meta({ description: 'Short name of the scenario, used for output folders (lower case letters, digits, -).', unit: 'text' }),
      description: z
        .string()
        .max(20_000)
        .default('')
        .meta({ description: 'What the scenario represents, which parts are data and which stylised, and its sources.', unit: 'text' }),
      seed: int(1, 0, 2 ** 31 - 1, { description: 'Seed of all random streams; the same scenario, seed and version give the same bytes.', unit: 'integer' }),
      days: int(365, 1, 36_500, { description: 'Days to simulate.', unit: 'days' }),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('EUR')
        .meta({
          description: 'The currency of every cost and budget in the scenario (an ISO 4217 code), as reports name it; the model never converts.',
          unit: 'text',
          source: 'assumed: the default costs are stylised, in euros',
        }),
      submodels: submodelsSchema,
      city: citySchema,
      population: populationSchema,
      spaces: spacesSchema,
      contact: contactSchema,
      language: languageSchema,
      labour: labourSchema,
      housing: housingSchema,
      ties: tiesSchema,
      attitudes: attitudesSchema,
      demography: demographySchema,
      timeline: timelineSchema,
      policies: z
        .array(policyEntry)
        .max(100)
        .default([])
        .meta({ description: 'The policies the scenario runs, each with its parameters, target, districts, dates, budget and protection.' }),
      record: recordSchema,
    })
    .superRefine((s, ctx) => {
      const names = new Set(s.population.groups.map((g) => g.name));
      s.timeline.forEach((e, i) => {
        if (e.type === 'arrivalWave' && !names.has(e.group)) {
          ctx.addIssue({ code: 'custom', path: ['timeline', i, 'group'], input: e.group, message: `unknown group; groups are ${[...names].join(', ')}` });
        }
        if (e.day > s.days) ctx.addIssue({ code: 'custom', path: ['timeline', i, 'day'], input: e.day, message: `must be at most days (${s.days})` });
      });
      // The dwelling grid is at least this many cells across (more with expected growth); a
      // district needs at least one column and row of it, or the city would quietly have fewer.
      const side = Math.floor(Math.sqrt(Math.ceil(s.population.residents / Math.max(1, s.population.householdSize)) / s.city.density));
      for (const axis of ['districtsX', 'districtsY'] as const) {
        if (s.city[axis] > side) {
          ctx.addIssue({
            code: 'custom',
            path: ['city', axis],
            input: s.city[axis],
            message: `${s.population.residents} residents live on a grid of about ${side} × ${side} dwellings, so at most ${side} districts across; use fewer districts or more residents`,
          });
        }
      }
      const districts = s.city.districtsX * s.city.districtsY;
      const seen = new Set<string>();
      (s.policies as PolicyEntryCommon[]).forEach((entry, i) => {
        (entry.target ?? []).forEach((g, k) => {
          if (!names.has(g))
            ctx.addIssue({ code: 'custom', path: ['policies', i, 'target', k], input: g, message: `unknown group; groups are ${[...names].join(', ')}` });
        });
        (entry.districts ?? []).forEach((d, k) => {
          if (d >= districts)
            ctx.addIssue({
              code: 'custom',
              path: ['policies', i, 'districts', k],
              input: d,
              message: `no such district; the city has districts 0..${districts - 1}`,
            });
        });
        if (entry.stop < entry.start)
          ctx.addIssue({ code: 'custom', path: ['policies', i, 'stop'], input: entry.stop, message: `must not be before start (${entry.start})` });
        const name = policyName(entry);
        if (seen.has(name))
          ctx.addIssue({ code: 'custom', path: ['policies', i, 'name'], input: name, message: 'two policies have this name; give each a distinct "name"' });
        seen.add(name);
      });
    })
    .meta({ title: 'Interethnic City scenario', description: 'A city, its people, its spaces and the rules of the model.' });
}

/** For the types only: a policy entry is any object here (its fields are the policy's). */
const scenarioShape = scenarioSchemaWith(z.looseObject({}));
/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioShape>;
/** A scenario after defaults: what the model reads. */
export type Scenario = z.infer<typeof scenarioShape>;
