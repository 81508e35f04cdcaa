import path from 'node:path';
import { SCENARIO_FORMAT_VERSION, type Scenario } from '../../scenarios/schema/scenario.ts';
import { scenarioSchema } from '../policies/scenarioSchema.ts';
import { InputError } from './inputError.ts';
import { describeIssues } from './issues.ts';
import { readJsonFile } from './readJson.ts';
import { applyOverrides } from './overrides.ts';
import { scenarioHash } from './scenarioHash.ts';

/** At most this many problem lines are printed: past it, more lines only bury the first. */
const MAX_PROBLEMS = 50;

function capped(lines: string[]): string[] {
  return lines.length <= MAX_PROBLEMS ? lines : [...lines.slice(0, MAX_PROBLEMS), `... and ${lines.length - MAX_PROBLEMS} more problems`];
}

/** Validates a scenario object, reporting problems against the given file name. */
export function parseScenario(input: unknown, file = '(scenario)'): Scenario {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const v = (input as { formatVersion?: unknown }).formatVersion;
    if (typeof v === 'number' && v > SCENARIO_FORMAT_VERSION) {
      throw new InputError([
        `${file}: formatVersion: found ${v}; this version of interethnic-city reads scenario format ${SCENARIO_FORMAT_VERSION} and older; upgrade the package to run this file`,
      ]);
    }
  }
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new InputError(capped(describeIssues(file, input, result.error.issues, scenarioSchema)));
  return result.data;
}

/** Reads, overrides (--set) and validates a scenario file. */
export function loadScenario(file: string, sets: readonly string[] = []): Scenario {
  const raw = readJsonFile(file);
  const label = sets.length ? `${file} (with --set)` : file;
  return parseScenario(sets.length ? applyOverrides(raw, sets) : raw, label);
}

/**
 * The name a scenario's default run folder takes: runs/<name>-<seed>-<hash>, where the hash
 * is the first 8 hex digits of the scenario's hash after defaults and overrides. A run of
 * other days or --set values gets a folder of its own; the same run again replaces its own.
 */
export function defaultRunDir(scenario: Scenario): string {
  return path.join('runs', `${scenario.name}-${scenario.seed}-${scenarioHash(scenario).slice(0, 8)}`);
}
