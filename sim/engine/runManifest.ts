import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { InputError } from './inputError.ts';
import { parseScenario } from './loadScenario.ts';
import { readJsonFile } from './readJson.ts';
import { scenarioHash } from './runCity.ts';
import { parseFormat, type OutputFormat } from './tables/outputFormat.ts';

/** What a run's manifest.json says is needed to run it again. */
export interface RunRecipe {
  scenario: Scenario;
  scenarioHash: string;
  /** The package version that wrote the manifest. */
  version: string;
  format: OutputFormat;
  agents: boolean;
  agentsEvery?: number;
}

/**
 * Reads a run's manifest.json for `icity run --from-manifest`: its scenario after defaults
 * (checked like a scenario file, and against the hash it was recorded with, so an edited
 * manifest is not taken for the run it claims to be) and the outputs it asked for.
 */
export function readRunRecipe(file: string): RunRecipe {
  const m = readJsonFile(file) as Record<string, unknown> | null;
  if (m === null || typeof m !== 'object' || Array.isArray(m) || m.format !== 'icity-run') {
    const found = m !== null && typeof m === 'object' && !Array.isArray(m) ? JSON.stringify(m.format) : JSON.stringify(m)?.slice(0, 40);
    throw new InputError([`${file}: format: found ${found}; expected "icity-run" (the manifest.json of a run folder)`]);
  }
  if (m.scenario === undefined) throw new InputError([`${file}: scenario: missing; the manifest records no scenario to run again`]);
  const scenario = parseScenario(m.scenario, `${file} (scenario)`);
  const hash = scenarioHash(scenario);
  if (hash !== m.scenarioHash) {
    throw new InputError([
      `${file}: scenarioHash: found ${JSON.stringify(m.scenarioHash)}; the recorded scenario hashes to "${hash}", so the manifest was edited or written by a version that fills other defaults`,
    ]);
  }
  const outputs = (m.outputs ?? {}) as { format?: unknown; agents?: unknown; agentsEvery?: unknown };
  const version = (m.package as { version?: unknown } | undefined)?.version;
  return {
    scenario,
    scenarioHash: hash,
    version: typeof version === 'string' ? version : 'unknown',
    // Manifests from before outputs were recorded had CSV tables and their agents.csv in `files`.
    format: parseFormat(typeof outputs.format === 'string' ? outputs.format : 'csv', `${file}: outputs.format`)!,
    agents: outputs.agents === true || (outputs.format === undefined && typeof m.files === 'object' && m.files !== null && 'agents.csv' in m.files),
    agentsEvery: typeof outputs.agentsEvery === 'number' ? outputs.agentsEvery : undefined,
  };
}
