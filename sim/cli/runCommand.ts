import os from 'node:os';
import { loadScenario, defaultRunDir } from '../engine/loadScenario.ts';
import { runCity, type RunSummary } from '../engine/runCity.ts';
import { intFlag, parseFlags } from './args.ts';
import { InputError } from '../engine/inputError.ts';
import { parallelFor } from '../engine/parallel/parallelFor.ts';
import { estimateRunBytes, formatBytes, memoryLimitBytes } from '../engine/memoryEstimate.ts';

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
  });
  if (positionals.length !== 1) throw new InputError([`icity run: expected one scenario file, found ${positionals.length} (usage: icity run <scenario.json> [flags])`]);
  const sets = [...(values.set ?? [])];
  const seed = intFlag('seed', values.seed, 0, 2 ** 31 - 1);
  const days = intFlag('days', values.days, 1, 36_500);
  if (seed !== undefined) sets.push(`seed=${seed}`);
  if (days !== undefined) sets.push(`days=${days}`);
  const workers = intFlag('workers', values.workers, 1, 1024) ?? os.availableParallelism();
  const scenario = loadScenario(positionals[0], sets);
  const need = estimateRunBytes(scenario, workers);
  const limitMb = intFlag('memory-limit', values['memory-limit'], 1, 1e9);
  const limit = limitMb !== undefined ? limitMb * 1024 * 1024 : memoryLimitBytes();
  if (need > limit) {
    throw new InputError([
      `${positionals[0]}: population.residents: found ${scenario.population.residents}; this run needs about ${formatBytes(need)} of memory and the limit is ${formatBytes(limit)} (${limitMb !== undefined ? '--memory-limit' : '85% of this machine'}); run a smaller city, or raise the limit with --memory-limit <MB>`,
    ]);
  }
  const out = values.out ?? defaultRunDir(scenario);
  const summary = runCity(scenario, { out, workers, agents: values.agents, progress: !values.json, parallel: parallelFor });
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
  else process.stdout.write(describe(summary));
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
