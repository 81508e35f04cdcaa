import { z } from 'zod';

/**
 * Designs of an experiment file: parameter sweeps (a full factorial grid, a Latin hypercube
 * sample) and Morris screening. Each point of a design becomes an arm of the experiment
 * (named p001, p002, ...) with the experiment's replications and seeds; the engine turns a
 * design into points in sim/engine/experiment/design/.
 */

const PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;

/** The most points a design may have: every point is `replications` runs. */
export const MAX_DESIGN_POINTS = 100_000;

const path = z.string().regex(PATH).meta({
  description: 'The scenario field, by path exactly as `icity run --set path=value` takes it, e.g. "housing.similarityThreshold". Numeric parts index arrays.',
});

const integer = z.boolean().default(false).meta({ description: 'Round every value to a whole number (for counts such as population.residents).' });

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1)
  .default(1)
  .meta({ description: "Seed of the design's own random draws (which points), not of the runs; the same seed gives the same points." });

const range = {
  path,
  min: z.number().meta({ description: 'The lowest value of the range.' }),
  max: z.number().meta({ description: 'The highest value of the range.' }),
  integer,
};

const rangeParameter = z
  .strictObject(range)
  .refine((p) => p.max > p.min, { message: 'max must be greater than min', path: ['max'] })
  .meta({ description: 'A numeric scenario field and the range it is varied over.' });

const gridParameter = z
  .strictObject({
    path,
    values: z
      .array(z.unknown().meta({ description: 'A value of the field, as it would be written in the scenario file.' }))
      .min(1)
      .max(1000)
      .optional()
      .meta({ description: 'The values the field takes, in order. Give values, or min, max and levels.' }),
    min: z.number().optional().meta({ description: 'With max and levels: the lowest of evenly spaced values.' }),
    max: z.number().optional().meta({ description: 'With min and levels: the highest of evenly spaced values.' }),
    levels: z.number().int().min(2).max(1000).optional().meta({ description: 'With min and max: how many evenly spaced values, both ends included.' }),
    integer,
  })
  .superRefine((p, ctx) => {
    const spaced = p.min !== undefined || p.max !== undefined || p.levels !== undefined;
    if (p.values !== undefined && spaced) ctx.addIssue({ code: 'custom', path: ['values'], message: 'give values, or min, max and levels, not both' });
    else if (p.values === undefined) {
      for (const k of ['min', 'max', 'levels'] as const)
        if (p[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'give values, or min, max and levels' });
      if (p.min !== undefined && p.max !== undefined && !(p.max > p.min))
        ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
    }
  })
  .meta({ description: 'A scenario field and the values the grid gives it.' });

function distinctPaths(ps: { path: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ps.forEach((p, k) => {
    if (seen.has(p.path)) ctx.addIssue({ code: 'custom', path: ['parameters', k, 'path'], message: 'another parameter of the design has this path' });
    seen.add(p.path);
  });
}

export const gridDesignSchema = z
  .strictObject({
    type: z.literal('grid').meta({ description: "A full factorial grid: every combination of the parameters' values." }),
    parameters: z.array(gridParameter).min(1).max(20).meta({ description: 'The parameters; the last varies fastest in the order of the points.' }),
  })
  .superRefine((d, ctx) => {
    distinctPaths(d.parameters, ctx);
    const points = d.parameters.reduce((n, p) => n * (p.values?.length ?? p.levels ?? 1), 1);
    if (points > MAX_DESIGN_POINTS)
      ctx.addIssue({ code: 'custom', path: ['parameters'], message: `the grid has ${points} points; at most ${MAX_DESIGN_POINTS}` });
  })
  .meta({ description: 'A full factorial sweep.' });

export const latinHypercubeDesignSchema = z
  .strictObject({
    type: z.literal('latinHypercube').meta({
      description:
        "A Latin hypercube sample (McKay, Beckman & Conover 1979): n points; each parameter's range is cut into n equal strata and every stratum holds one point.",
    }),
    n: z.number().int().min(1).max(MAX_DESIGN_POINTS).meta({ description: 'How many points.' }),
    seed,
    parameters: z.array(rangeParameter).min(1).max(100).meta({ description: 'The parameters and their ranges.' }),
  })
  .superRefine((d, ctx) => distinctPaths(d.parameters, ctx))
  .meta({ description: 'A space-filling random sweep.' });

export const morrisDesignSchema = z
  .strictObject({
    type: z.literal('morris').meta({ description: 'Morris elementary effects screening (Morris 1991; mu* after Campolongo, Cariboni & Saltelli 2007).' }),
    trajectories: z
      .number()
      .int()
      .min(2)
      .max(1000)
      .meta({ description: 'r: trajectories of k + 1 points, each moving one parameter at a time; each parameter gets r elementary effects.' }),
    levels: z
      .number()
      .int()
      .min(2)
      .max(100)
      .refine((p) => p % 2 === 0, { message: 'must be even (the step is p / (2 (p − 1)) of the range)' })
      .default(4)
      .meta({ description: 'p: the grid levels of each range; the step is p / (2 (p − 1)) of the range. Even; 4 or 6 are usual.' }),
    candidates: z.number().int().min(2).max(1000).optional().meta({
      description: 'Draw this many trajectories and keep the r that are most spread out (Campolongo et al. 2007, chosen greedily); default r (no selection).',
    }),
    seed,
    parameters: z.array(rangeParameter).min(1).max(100).meta({ description: 'The k parameters and their ranges.' }),
  })
  .superRefine((d, ctx) => {
    distinctPaths(d.parameters, ctx);
    if (d.candidates !== undefined && d.candidates < d.trajectories)
      ctx.addIssue({ code: 'custom', path: ['candidates'], message: `at least trajectories (${d.trajectories})` });
    const points = d.trajectories * (d.parameters.length + 1);
    if (points > MAX_DESIGN_POINTS)
      ctx.addIssue({ code: 'custom', path: ['trajectories'], message: `the design has ${points} points; at most ${MAX_DESIGN_POINTS}` });
  })
  .meta({ description: 'Global sensitivity screening: which parameters matter for which indicator.' });

export const designSchema = z
  .discriminatedUnion('type', [gridDesignSchema, latinHypercubeDesignSchema, morrisDesignSchema])
  .meta({ description: 'A design whose points become arms p001, p002, ... (see README "Sensitivity").' });

export type Design = z.infer<typeof designSchema>;
export type GridDesign = z.infer<typeof gridDesignSchema>;
export type LatinHypercubeDesign = z.infer<typeof latinHypercubeDesignSchema>;
export type MorrisDesign = z.infer<typeof morrisDesignSchema>;
