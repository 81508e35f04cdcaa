import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from '../sim/engine/runFolder.ts';
import { packageInfo } from '../sim/engine/packageInfo.ts';
import { describeMachine } from './machine.ts';
import { FULL_SCENARIO, ROOT, runConfiguration, type FullConfig } from './full/runConfiguration.ts';
import { stateBytes } from './full/stateBytes.ts';
import { runSchelling, schellingRunners, type SchellingPlan } from './schellingSuite.ts';
import { endToEndTargets, fullModelTargets, schellingTargets } from './targets.ts';
import { runSchellingEndToEnd, type EndToEndPlan } from './endToEnd/schellingEndToEnd.ts';
import { performanceMarkdown } from './markdown.ts';
import { replaceBetweenMarkers } from './readmeSection.ts';
import type { BenchResults } from './results.ts';

/**
 * The benchmark suite (`npm run bench`): the Schelling model end to end (whole `icity run`
 * against flocc's whole process), the full model at 10^4..10^6 residents on 1 and 2 threads,
 * Sao Paulo at its full size, and the Schelling stepping alone against its peers. Writes bench/results.json and
 * the tables between the bench markers of docs/performance.md.
 *   npm run bench                 everything, 3 runs of each configuration (hours on 2 cores)
 *   npm run bench -- --targets    only what decides the targets, 3 runs each (the 1,000,000-resident
 *                                 year on 2 threads only; Sao Paulo once, 30 days)
 *   npm run bench -- --quick      small sizes, one run each (under a minute), to
 *                                 bench/results-quick.json; docs/performance.md is left alone
 */

export interface BenchPlan {
  mode: 'full' | 'quick' | 'targets';
  endToEnd: EndToEndPlan;
  full: FullConfig[];
  /** The full-size Sao Paulo. */
  scale: FullConfig[];
  stateSizes: number[];
  schelling: Omit<SchellingPlan, 'runners'>;
}

const SAO_PAULO = 'scenarios/sao-paulo.json';
const SAO_PAULO_RESIDENTS = 12_000_000;

export function benchPlan(mode: 'full' | 'quick' | 'targets'): BenchPlan {
  const config = (residents: number, days: number, repeats: number, threads = [1, 2]): FullConfig[] =>
    threads.map((workers) => ({ residents, days, workers, frames: true, repeats }));
  const city = (days: number, repeats: number): FullConfig => ({
    scenario: SAO_PAULO,
    residents: SAO_PAULO_RESIDENTS,
    days,
    workers: 2,
    frames: true,
    framesEvery: 30,
    repeats,
  });
  const schelling = { thresholds: [0.3, 0.5], steps: 20, seed: 1, density: 0.9, slowSize: 1000, maxSeconds: 300, warmUpSize: 100 };
  const endToEnd = { sizes: [300, 1000], threshold: 0.3, steps: 20, seed: 1, density: 0.9, workers: 2, repeats: 3 };
  if (mode === 'quick') {
    return {
      mode,
      endToEnd: { ...endToEnd, sizes: [100], repeats: 1 },
      full: [...config(10_000, 30, 1), ...config(100_000, 10, 1)],
      scale: [],
      stateSizes: [10_000, 100_000],
      schelling: { ...schelling, sizes: [100], repeats: 1, slowRepeats: 1 },
    };
  }
  if (mode === 'targets') {
    return {
      mode,
      endToEnd,
      full: [...config(1_000_000, 60, 3), ...config(1_000_000, 365, 3, [2])],
      scale: [city(30, 1)],
      stateSizes: [1_000_000],
      schelling: { ...schelling, sizes: [300], thresholds: [0.3], repeats: 3, slowRepeats: 1 },
    };
  }
  return {
    mode,
    endToEnd,
    full: [...config(10_000, 90, 3), ...config(100_000, 90, 3), ...config(1_000_000, 60, 3), ...config(1_000_000, 365, 3)],
    scale: [city(30, 3), city(365, 3)],
    stateSizes: [10_000, 100_000, 1_000_000],
    schelling: { ...schelling, sizes: [100, 300, 1000], repeats: 3, slowRepeats: 3 },
  };
}

export function runBench(plan: BenchPlan, log: (line: string) => void): BenchResults {
  const machine = describeMachine();
  const started = performance.now();
  log(`Schelling end to end: ${plan.endToEnd.sizes.map((s) => `${s}²`).join(', ')}, ${plan.endToEnd.repeats} run(s) each`);
  const endToEnd = runSchellingEndToEnd(plan.endToEnd, log);
  const measure = (c: FullConfig) => {
    log(`full model: ${c.scenario ?? FULL_SCENARIO}, ${c.residents} residents, ${c.days} days, ${c.workers} thread(s), ${c.repeats} run(s)`);
    const r = runConfiguration(c);
    log(
      `  ${r.commandSeconds.toFixed(2)} s (${r.wall.min.toFixed(2)}-${r.wall.max.toFixed(2)}), ${r.cpuSecondsPerMillionResidentDays.toFixed(3)} CPU-s per M resident-days, peak RSS ${(r.maxRssBytes / 1e6).toFixed(0)} MB, load before ${r.samples.map((s) => s.loadBefore).join(', ')}, probe before ${r.samples.map((s) => s.probeBefore).join(', ')} s`,
    );
    return r;
  };
  const configs = plan.full.map(measure);
  const scale = plan.scale.map(measure);
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
    schellingEndToEnd: { scenario: 'scenarios/classic-schelling.json', ...plan.endToEnd, cells: endToEnd },
    fullModel: { scenario: FULL_SCENARIO, configs, state },
    scale,
    schelling: {
      scenario: 'scenarios/classic-schelling.json',
      steps: plan.schelling.steps,
      density: plan.schelling.density,
      seed: plan.schelling.seed,
      runners: runners.map(({ id, label, version: v }) => ({ id, label, version: v })),
      cells,
    },
    targets: [...endToEndTargets(endToEnd), ...schellingTargets(cells), ...fullModelTargets(configs, state, scale)],
  };
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

function main(argv: string[]): number {
  let values: { quick?: boolean; targets?: boolean; out?: string; readme?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { quick: { type: 'boolean' }, targets: { type: 'boolean' }, out: { type: 'string' }, readme: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`npm run bench: ${(err as Error).message} (flags: --quick, --targets, --out FILE, --readme)\n`);
    return 2;
  }
  const mode = values.quick ? 'quick' : values.targets ? 'targets' : 'full';
  const out = path.resolve(
    values.out ?? path.join(ROOT, 'bench', mode === 'quick' ? 'results-quick.json' : mode === 'targets' ? 'results-targets.json' : 'results.json'),
  );
  // docs/performance.md shows the full benchmark; a quick run updates it only when asked to.
  const updateReadme = values.readme ?? mode !== 'quick';
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
