import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { loadScenario, defaultRunDir } from '../engine/loadScenario.ts';
import { runCity, type RunSummary } from '../engine/runCity.ts';
import { intFlag, parseFlags } from './args.ts';
import { InputError } from '../engine/inputError.ts';
import { parallelFor } from '../engine/parallel/parallelFor.ts';
import { estimateRunBytes, formatBytes, memoryLimitBytes } from '../engine/memoryEstimate.ts';
import { parseFormat, DEFAULT_FORMAT } from '../engine/tables/outputFormat.ts';
import { readRunRecipe, type RunRecipe } from '../engine/runManifest.ts';
import { packageInfo } from '../engine/packageInfo.ts';

const HEADLINE = [
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

export function runCommand(argv: string[]): void {
  const { values, positionals } = parseFlags('run', argv, {
    seed: { type: 'string' },
    days: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    agents: { type: 'boolean' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'memory-limit': { type: 'string' },
    format: { type: 'string' },
    'agents-every': { type: 'string' },
    'from-manifest': { type: 'string' },
  });
  const fromManifest = values['from-manifest'];
  if (positionals.length !== (fromManifest === undefined ? 1 : 0)) {
    throw new InputError([
      fromManifest === undefined
        ? `icity run: expected one scenario file, found ${positionals.length} (usage: icity run <scenario.json> [flags])`
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
  const need = estimateRunBytes(scenario, workers);
  const limitMb = intFlag('memory-limit', values['memory-limit'], 1, 1e9);
  const limit = limitMb !== undefined ? limitMb * 1024 * 1024 : memoryLimitBytes();
  if (need > limit) {
    throw new InputError([
      `${source}: population.residents: found ${scenario.population.residents}; this run needs about ${formatBytes(need)} of memory and the limit is ${formatBytes(limit)} (${limitMb !== undefined ? '--memory-limit' : '85% of this machine'}); run a smaller city, or raise the limit with --memory-limit <MB>`,
    ]);
  }
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
    process.stderr.write(`icity run: ${file} was written by version ${recipe.version} and this is ${version}; the outputs are byte-identical only with the same version\n`);
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
