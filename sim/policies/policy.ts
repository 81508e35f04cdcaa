/**
 * The interface of a policy plug-in. A policy writes levers, the model's declared list of
 * what policies may change (sim/model/levers.ts); submodels read the levers and know nothing
 * of policies. To add a policy:
 *   1. Write `sim/policies/<type>.ts` exporting a `Policy` made with `definePolicy`: its zod
 *      schema (built with `policySchema`, so it has the common fields: name, target groups,
 *      districts, start and stop day, budget, protected; or with `placeSchema` of
 *      placeBased.ts, without `target`, for a policy that serves everyone in its places), a
 *      title, the sources of its mechanism, the mechanism in a few sentences, and `apply`.
 *   2. If no lever does what it needs: add one entry to LEVERS in sim/model/levers.ts, and the
 *      line that reads it in the submodel the entry names.
 *   3. Add it to the list in `sim/policies/registry.ts`.
 *   4. Write `test/policies/<type>.test.ts`: its intended effect against the same scenario
 *      without it (same seed), and that it does nothing outside its target, dates or budget.
 *   5. Run `npm run docs` (docs/policies.md and docs/ODD.md) and `npm run schema`; tests check
 *      that every policy is registered, has a test file and is in the docs.
 *
 * Policies never touch the hot loops. Each day, on the main thread, the step puts every
 * lever back to its neutral value, then the policy host (policyHost.ts) calls `apply` of each
 * active policy (those with `runsFirst` first), which writes levers and enrols residents; the
 * parallel phases then read the levers from shared memory. So a policy that stops simply
 * stops writing its levers, and outputs stay identical for any number of threads.
 */
import { z } from 'zod';
import type { World } from '../model/world.ts';
import type { SpaceRequest } from '../model/spaceRequest.ts';
import type { Stream } from '../model/stream.ts';
import { int, real, flag } from '../../scenarios/schema/param.ts';

/** Fields every policy has, in addition to its own parameters. */
export function policySchema<T extends z.ZodRawShape>(type: string, description: string, shape: T) {
  return z
    .strictObject({
      type: z.literal(type).meta({ description, unit: 'kind' }),
      name: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,39}$/)
        .optional()
        .meta({ description: 'Name of this policy in outputs (spending_<name>); defaults to the type in snake_case.', unit: 'text' }),
      target: z
        .array(z.string())
        .max(250)
        .optional()
        .meta({ description: 'Groups the policy serves (names from population.groups); default: every group the policy is meant for.', unit: 'group names' }),
      districts: z
        .array(z.number().int().min(0).max(4095))
        .max(4096)
        .optional()
        .meta({ description: 'Districts where the policy runs (indices, row by row from the top left); default: all.', unit: 'district indices' }),
      start: int(0, 0, 36_500, { description: 'First day the policy runs.', unit: 'day' }),
      stop: int(36_500, 0, 36_500, { description: 'Last day the policy runs.', unit: 'day' }),
      budget: real(Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER, {
        description: 'Total money the policy may spend; when it is used up the policy stops enrolling and spending.',
        unit: 'currency',
      }),
      protected: flag(false, {
        description: 'Whether the policy survives a political change (an institution guaranteed by law, like the inter-ethnic guarantor).',
      }),
      ...shape,
    })
    .meta({ description });
}

/** What a policy's hooks can see and use. */
export interface PolicyDay {
  world: World;
  day: number;
  /** The policy's own random stream, keyed by policy and day. */
  stream: Stream;
  /** Share of the programme that runs today: 1, or less after an unprotected political cut. */
  scale: number;
  /** Money left in the budget. */
  budgetLeft: number;
  /**
   * Effectiveness multiplier per district (1 where nothing raises it): a policy that
   * `runsFirst` (a task force) raises it, the others multiply their effects by it.
   */
  effectiveness: Float32Array;
  /** Residents per district at the end of yesterday. */
  residentsIn: Float64Array;
  /** Whether the policy covers district d. */
  inDistrict(d: number): boolean;
  /** Whether the policy serves group g. */
  forGroup(g: number): boolean;
}

export interface Policy<S extends z.ZodTypeAny = z.ZodTypeAny, State = unknown> {
  type: string;
  title: string;
  /** Who proposed it in the seed report, and the research behind the mechanism. */
  source: string;
  /** How it works in the model, in a few sentences (goes into docs/ODD.md and the README). */
  mechanism: string;
  schema: S;
  /** Groups served when `target` is not given: 'migrants', 'hosts' or 'all'. */
  defaultTarget: 'migrants' | 'hosts' | 'all';
  /** Runs before the other policies each day (it sets what they read, like `effectiveness`). */
  runsFirst?: boolean;
  /** Spaces to build with the city. */
  spaces?(params: z.infer<S>, districts: number[]): SpaceRequest[];
  /** Run-long state, made once after the city is built. */
  setup?(params: z.infer<S>, world: World): State;
  /** One day while active: set levers, enrol; returns the day's spending (at most budgetLeft). */
  apply(params: z.infer<S>, state: State, day: PolicyDay): number;
  /** When the policy stops (stop day, budget or cut): release enrolments and the like. */
  end?(params: z.infer<S>, state: State, world: World): void;
}

export function definePolicy<S extends z.ZodTypeAny, State>(p: Policy<S, State>): Policy<S, State> {
  return p;
}
