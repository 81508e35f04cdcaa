import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../sim/engine/runFolder.ts';
import { packageInfo } from '../sim/engine/packageInfo.ts';
import { describeMachine } from './machine.ts';
import { FULL_SCENARIO, ROOT, runConfiguration, type FullConfig, type FullResult } from './full/runConfiguration.ts';
import { stateBytes } from './full/stateBytes.ts';
import { runSchelling, schellingRunners, type SchellingPlan } from './schellingSuite.ts';
import { fullModelTargets, schellingTargets } from './targets.ts';
import { performanceMarkdown } from './markdown.ts';
import { replaceBetweenMarkers } from './readmeSection.ts';
import type { BenchResults } from './results.ts';

/**
 * The benchmark suite (`npm run bench`): the full model at 10^4..10^6 residents on 1 and 2
 * threads, and the canonical Schelling model against its peers. Writes bench/results.json and
 * the tables between the bench markers of docs/performance.md.
 *   npm run bench                 everything (about a quarter of an hour on 2 cores)
 *   npm run bench -- --quick      small sizes, one run each (under a minute), to
 *                                 bench/results-quick.json; docs/performance.md is left alone
 */

export interface BenchPlan {
  mode: 'full' | 'quick';
  full: FullConfig[];
  stateSizes: number[];
  schelling: Omit<SchellingPlan, 'runners'>;
}

export function benchPlan(mode: 'full' | 'quick'): BenchPlan {
  const config = (residents: number, days: number, repeats: number): FullConfig[] =>
    [1, 2].map((workers) => ({ residents, days, workers, frames: true, repeats }));
  const schelling = { thresholds: [0.3, 0.5], steps: 20, seed: 1, density: 0.9, slowSize: 1000, maxSeconds: 300, warmUpSize: 100 };
  if (mode === 'quick') {
    return {
      mode,
      full: [...config(10_000, 30, 1), ...config(100_000, 10, 1)],
      stateSizes: [10_000, 100_000],
      schelling: { ...schelling, sizes: [100], repeats: 1, slowRepeats: 1 },
    };
  }
  return {
    mode,
    full: [...config(10_000, 90, 3), ...config(100_000, 90, 3), ...config(1_000_000, 365, 1)],
    stateSizes: [10_000, 100_000, 1_000_000],
    schelling: { ...schelling, sizes: [100, 300, 1000], repeats: 3, slowRepeats: 1 },
  };
}

export function runBench(plan: BenchPlan, log: (line: string) => void): BenchResults {
  const machine = describeMachine();
  const started = performance.now();
  const configs: FullResult[] = [];
  for (const c of plan.full) {
    log(`full model: ${c.residents} residents, ${c.days} days, ${c.workers} thread(s), ${c.repeats} run(s)`);
    const r = runConfiguration(c);
    log(`  ${r.commandSeconds.toFixed(2)} s, ${(r.residentDaysPerSecond / 1e6).toFixed(2)} M resident-days/s, peak RSS ${(r.maxRssBytes / 1e6).toFixed(0)} MB`);
    configs.push(r);
  }
  const state = plan.stateSizes.map((n) => stateBytes(n));
  const runners = schellingRunners();
  const cells = runSchelling({ ...plan.schelling, runners }, log);
  const { name, version } = packageInfo();
  return {
    format: 'icity-bench',
    formatVersion: 1,
    mode: plan.mode,
    package: { name, version },
    machine,
    totalSeconds: (performance.now() - started) / 1000,
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
    fullModel: { scenario: FULL_SCENARIO, configs, state },
    schelling: {
      scenario: 'scenarios/classic-schelling.json',
      steps: plan.schelling.steps,
      density: plan.schelling.density,
      seed: plan.schelling.seed,
      runners: runners.map(({ id, label, version: v }) => ({ id, label, version: v })),
      cells,
    },
    targets: [...schellingTargets(cells), ...fullModelTargets(configs, state)],
  };
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

function main(argv: string[]): number {
  let values: { quick?: boolean; out?: string; readme?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { quick: { type: 'boolean' }, out: { type: 'string' }, readme: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`npm run bench: ${(err as Error).message} (flags: --quick, --out FILE, --readme)\n`);
    return 2;
  }
  const mode = values.quick ? 'quick' : 'full';
  const out = path.resolve(values.out ?? path.join(ROOT, 'bench', mode === 'quick' ? 'results-quick.json' : 'results.json'));
  // docs/performance.md shows the full benchmark; a quick run updates it only when asked to.
  const updateReadme = values.readme ?? mode === 'full';
  const readme = path.join(ROOT, 'docs', 'performance.md');
  if (updateReadme && !fs.readFileSync(readme, 'utf8').includes(README_START)) {
    process.stderr.write(`npm run bench: docs/performance.md has no ${README_START} ... ${README_END} markers to write the table between\n`);
    return 2;
  }
  const results = runBench(benchPlan(mode), (line) => process.stderr.write(`${line}\n`));
  writeFileAtomic(out, JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  const markdown = performanceMarkdown(results);
  if (updateReadme) {
    // Read again just before writing: the page may have changed during the benchmark.
    writeFileAtomic(readme, replaceBetweenMarkers(fs.readFileSync(readme, 'utf8'), README_START, README_END, markdown));
    process.stderr.write('updated the tables in docs/performance.md\n');
  }
  process.stdout.write(`${markdown}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
