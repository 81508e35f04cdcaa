import { createHash } from 'node:crypto';
import type { Scenario } from '../../scenarios/schema/scenario.ts';

/** A stable hash of a scenario after defaults, to tell runs of the same scenario apart. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}
