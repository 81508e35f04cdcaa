import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonFile } from '../engine/readJson.ts';
import { applyOverrides } from '../engine/overrides.ts';
import { parseScenario } from '../engine/loadScenario.ts';
import type { Scenario } from '../../scenarios/schema/scenario.ts';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A scenario file of the project with overrides applied exactly as `icity run --set path=value` applies them. */
export function projectScenario(file: string, sets: Record<string, unknown> = {}): Scenario {
  const raw = readJsonFile(path.join(SCENARIOS, file));
  return parseScenario(applyOverrides(raw, setFlags(sets)), file);
}

/** The `--set` flags for these overrides, as a user would type them. */
export function setFlags(sets: Record<string, unknown>): string[] {
  return Object.entries(sets).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
}
