import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../bin/cliBundle.js';
import { icityArguments } from './endToEnd/schellingEndToEnd.ts';
import { spread, timeProcess, type ProcessSample } from './endToEnd/process.ts';

/**
 * What the prebuilt command line saves a user: whole `icity run` processes (spawn to exit)
 * loaded from the bundle and from the TypeScript sources through tsx, alternating, so that
 * both see the same load:
 *   npx tsx bench/startup.ts [--repeats 3] [--sizes 300,1000]
 * The runs: scenarios/teaching.json for 30 days as a user types it, and the classic Schelling
 * of the end-to-end benchmark (20 steps, density 0.9, threshold 0.3, 2 threads) at each size.
 * Prints one line per run and a table of medians with min-max and the load before each run.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const CHILD = path.join(ROOT, 'bench', 'full', 'child.mjs');
const LOADERS = ['sources', 'bundle'] as const;

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' }, sizes: { type: 'string', default: '300,1000' } } });
const repeats = Number(values.repeats);
const sizes = values.sizes.split(',').filter(Boolean).map(Number);
await buildBundle(ROOT);

const runs: { name: string; args: (out: string) => string[] }[] = [
  { name: 'teaching, 30 days', args: (out) => ['scenarios/teaching.json', '--days', '30', '--out', out] },
  ...sizes.map((size) => ({
    name: `classic Schelling ${size}², 20 steps, 2 threads`,
    args: (out: string) => icityArguments({ sizes: [size], threshold: 0.3, steps: 20, seed: 1, density: 0.9, workers: 2, repeats }, size, out),
  })),
];

const rows: string[] = [];
for (const run of runs) {
  const samples: Record<(typeof LOADERS)[number], ProcessSample[]> = { sources: [], bundle: [] };
  for (let k = 0; k < repeats; k++) {
    for (const loader of k % 2 ? [...LOADERS].reverse() : LOADERS) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-bench-startup-'));
      try {
        const s = timeProcess([CHILD, ...run.args(path.join(scratch, 'run'))], ROOT, `${run.name} from the ${loader}`, {
          ...process.env,
          ICITY_LOADER: loader,
        });
        samples[loader].push(s);
        console.log(`${run.name}, ${loader}, run ${k + 1}: ${s.wallSeconds.toFixed(2)} s wall, ${s.cpuSeconds.toFixed(2)} CPU-s (load ${s.loadBefore})`);
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    }
  }
  const cell = (loader: (typeof LOADERS)[number]) => {
    const w = spread(samples[loader].map((s) => s.wallSeconds));
    const c = spread(samples[loader].map((s) => s.cpuSeconds));
    return `${w.median.toFixed(2)} s (${w.min.toFixed(2)}–${w.max.toFixed(2)}), ${c.median.toFixed(2)} CPU-s`;
  };
  const ratio = spread(samples.sources.map((s) => s.wallSeconds)).median / spread(samples.bundle.map((s) => s.wallSeconds)).median;
  const loads = [...samples.sources, ...samples.bundle].map((s) => s.loadBefore);
  rows.push(`| ${run.name} | ${cell('sources')} | ${cell('bundle')} | ${ratio.toFixed(2)}× | ${Math.min(...loads)}–${Math.max(...loads)} |`);
}
console.log(`\n${repeats} runs each, alternating; medians (min–max)\n`);
console.log('| run | from the sources (tsx) | from the bundle | sources ÷ bundle | 1-min load before |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
