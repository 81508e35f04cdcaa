import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadScenario, defaultRunDir } from '../engine/loadScenario.ts';
import { runCity, type RunSummary } from '../engine/runCity.ts';
import { intFlag, parseFlags } from './args.ts';
import { InputError } from '../engine/inputError.ts';
import { parallelFor } from '../engine/parallel/parallelFor.ts';
import { memoryLimitBytes, memoryProblem } from '../engine/memoryEstimate.ts';
import type { CommandSpec } from './commandSpec.ts';
import type { IndicatorName } from '../model/indicators.ts';
import { parseFormat, DEFAULT_FORMAT } from '../engine/tables/outputFormat.ts';
import { readRunRecipe, type RunRecipe } from '../engine/runManifest.ts';
import { packageInfo } from '../engine/packageInfo.ts';

const HEADLINE: IndicatorName[] = [
  'population',
  'migrant_share',
  'dissimilarity',
  'school_dissimilarity',
  'outgroup_encounter_share',
  'prejudice_host',
  'prejudice_migrant',
  'language_mean',
  'employment_host',
  'employment_migrant',
  'employment_gap',
  'percent_similar',
  'unhappy_share',
];

export const runSpec = {
  name: 'run',
  args: '<scenario.json> | --from-manifest <run>/manifest.json --out DIR',
  summary: 'Simulates a scenario and writes its run folder (manifest.json, metrics as CSV and Parquet, frames for the viewer).',
  details: `
The run folder is written under a hidden temporary name and renamed when complete. By
default it is runs/<name>-<seed>-<hash>/, where <hash> identifies the scenario after
--days and --set, so different runs never share a folder. --out may name a new folder,
an empty one or an earlier run folder (which is replaced whole); any other folder or file
is refused with exit 2 and left as it is. Two runs into one folder at once: the second is
refused. Example: icity run scenarios/teaching.json --days 30 --set housing.similarityThreshold=0.5`,
  flags: {
    seed: { type: 'string', value: 'N', help: "random seed, 0 to 2147483647 (default: the scenario's)" },
    days: { type: 'string', value: 'N', help: "days to simulate, 1 to 36500 (default: the scenario's)" },
    workers: { type: 'string', value: 'N', help: "threads that share the run's work, 1 to 1024 (default: the cores); the outputs are the same for any number" },
    out: { type: 'string', value: 'DIR', help: 'the run folder (default runs/<name>-<seed>-<hash>)' },
    agents: { type: 'boolean', help: 'also write agents.csv, one row per resident at the end' },
    set: { type: 'string', multiple: true, value: 'path=value', help: 'override a scenario field, e.g. --set population.residents=5000' },
    json: { type: 'boolean', help: 'print a JSON summary on stdout, no progress bar' },
    'memory-limit': { type: 'string', value: 'MB', help: 'refuse runs estimated to need more memory (default 85% of this machine)' },
    format: { type: 'string', value: 'csv|parquet|both', help: "the tables' formats: CSV, Parquet or both (default both)" },
    'agents-every': { type: 'string', value: 'N', help: 'write the residents every N days (and the last day) into one panel table' },
    'from-manifest': {
      type: 'string',
      value: 'FILE',
      help: 're-run the run recorded in <run>/manifest.json into --out DIR, byte for byte (no scenario file then)',
    },
  },
} as const satisfies CommandSpec;

export function runCommand(argv: string[]): void {
  const { values, positionals } = parseFlags(runSpec, argv);
  const fromManifest = values['from-manifest'];
  if (positionals.length !== (fromManifest === undefined ? 1 : 0)) {
    throw new InputError([
      fromManifest === undefined
        ? `icity run: expected one scenario file, found ${positionals.length} (usage: icity run <scenario.json> [flags]; see icity run --help)`
        : `icity run: --from-manifest re-runs the scenario recorded in ${fromManifest}; give no scenario file with it (found ${positionals.join(' ')})`,
    ]);
  }
  const sets = [...(values.set ?? [])];
  const seed = intFlag('seed', values.seed, 0, 2 ** 31 - 1);
  const days = intFlag('days', values.days, 1, 36_500);
  if (seed !== undefined) sets.push(`seed=${seed}`);
  if (days !== undefined) sets.push(`days=${days}`);
  const workers = intFlag('workers', values.workers, 1, 1024) ?? os.availableParallelism();
  const agentsEvery = intFlag('agents-every', values['agents-every'], 1, 36_500);
  const recipe = fromManifest === undefined ? undefined : reproduction(fromManifest, sets, values.out);
  const source = recipe ? fromManifest! : positionals[0];
  const scenario = recipe ? recipe.scenario : loadScenario(source, sets);
  const format = parseFormat(values.format) ?? recipe?.format ?? DEFAULT_FORMAT;
  const limitMb = intFlag('memory-limit', values['memory-limit'], 1, 1e9);
  const limit = limitMb !== undefined ? limitMb * 1024 * 1024 : memoryLimitBytes();
  const tooBig = memoryProblem(scenario, workers, 1, limit, limitMb !== undefined ? '--memory-limit' : '85% of this machine');
  if (tooBig) throw new InputError([`${source}: ${tooBig}`]);
  const out = values.out ?? defaultRunDir(scenario);
  const summary = runCity(scenario, {
    out,
    workers,
    agents: values.agents || recipe?.agents,
    format,
    agentsEvery: agentsEvery ?? recipe?.agentsEvery,
    progress: !values.json,
    parallel: parallelFor,
    command: { argv: ['run', ...argv], cwd: process.cwd() },
    scenarioFile: recipe ? undefined : { path: path.resolve(source), sha256: createHash('sha256').update(fs.readFileSync(source)).digest('hex') },
    reproduces: recipe ? { manifest: path.resolve(fromManifest!), scenarioHash: recipe.scenarioHash } : undefined,
  });
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else process.stdout.write(describe(summary));
}

/**
 * The recipe of `--from-manifest`: the recorded scenario exactly, into a new folder. Flags
 * that would change the scenario are refused, since the point is to get the same bytes.
 */
function reproduction(file: string, sets: string[], out: string | undefined): RunRecipe {
  if (sets.length) throw new InputError([`icity run: --from-manifest runs the recorded scenario as it was; --set, --seed and --days cannot be given with it`]);
  if (out === undefined) throw new InputError([`icity run: --from-manifest needs --out DIR, a folder for the new run (the recorded run is left as it is)`]);
  if (path.resolve(out) === path.resolve(path.dirname(file))) {
    throw new InputError([`--out ${out}: is the folder of ${file}; choose another folder, so the recorded run is kept to compare with`]);
  }
  const recipe = readRunRecipe(file);
  const version = packageInfo().version;
  if (recipe.version !== version) {
    process.stderr.write(
      `icity run: ${file} was written by version ${recipe.version} and this is ${version}; the outputs are byte-identical only with the same version\n`,
    );
  }
  return recipe;
}

function describe(s: RunSummary): string {
  const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(3));
  const lines = [
    `Ran ${s.scenario} (seed ${s.seed}) for ${s.days} days: ${fmt(s.first.population)} residents at the start, ${fmt(s.last.population)} at the end; ${s.wallSeconds.toFixed(1)} s on ${s.workers} thread${s.workers > 1 ? 's' : ''}.`,
    `Outputs: ${s.dir}`,
    '',
    `  ${'indicator'.padEnd(26)}${'day 0'.padStart(12)}${`day ${s.days}`.padStart(12)}`,
    ...HEADLINE.map((k) => `  ${k.padEnd(26)}${fmt(s.first[k]).padStart(12)}${fmt(s.last[k]).padStart(12)}`),
    '',
    'Every column is described in manifest.json; see the README for the file formats.',
    '',
  ];
  return lines.join('\n');
}
