import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import type { Override } from './armScenario.ts';

/** The name of the baseline arm and of its run folder. */
export const BASELINE = 'baseline';

/** One arm of an experiment: a hand-written arm, the baseline or a design's point. */
export interface Arm {
  /** Folder name: "baseline" or the arm's name. */
  name: string;
  /** How reports name it. */
  label: string;
  description: string;
  /** The arm's scenario after defaults, with the seed of replication 1. */
  scenario: Scenario;
  /** A design point's values by path (hand-written arms keep theirs in the experiment file). */
  set?: Record<string, unknown>;
  /** The arm's own overrides and policies, applied after the experiment's (and a posterior draw's). */
  overrides: Override[];
  policies: unknown[];
  /** Where the arm is written in the experiment file, e.g. "arms[1]" or "design". */
  where: string;
  /** With a posterior: the arm's scenario under each draw, in draw order. */
  byDraw?: Scenario[];
}

/** The scenario of one run: the arm's scenario (under its posterior draw, 0-based) with the seed of its replication. */
export function runScenario(arm: Arm, seed: number, draw?: number): Scenario {
  if (draw !== undefined && !arm.byDraw?.[draw]) throw new RangeError(`arm ${arm.name} has no posterior draw ${draw + 1}`);
  return { ...(draw === undefined ? arm.scenario : arm.byDraw![draw]), seed };
}
