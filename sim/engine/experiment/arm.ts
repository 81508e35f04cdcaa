import type { Scenario } from '../../../scenarios/schema/scenario.ts';

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
}

/** The scenario of one run: the arm's scenario with the seed of its replication. */
export function runScenario(arm: Arm, seed: number): Scenario {
  return { ...arm.scenario, seed };
}
