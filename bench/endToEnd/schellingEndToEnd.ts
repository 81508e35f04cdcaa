import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spread, timeProcess, type ProcessSample, type Spread } from './process.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(ROOT, 'bench', 'full', 'child.mjs');
const FLOCC = path.join(import.meta.dirname, 'floccProcess.ts');

/** The Schelling comparison as users meet it: the whole `icity run` against flocc's whole process. */
export interface EndToEndPlan {
  sizes: number[];
  threshold: number;
  steps: number;
  seed: number;
  density: number;
  /** Threads of the `icity run`. */
  workers: number;
  repeats: number;
}

export interface EndToEndCell {
  size: number;
  runner: 'icity run' | 'flocc';
  samples: ProcessSample[];
  wallSeconds: Spread;
  cpuSeconds: Spread;
}

/** `icity run scenarios/classic-schelling.json` sized to W×W, census every day and frames on, as a user runs it. */
export function icityArguments(plan: EndToEndPlan, size: number, out: string): string[] {
  return [
    'scenarios/classic-schelling.json',
    '--set',
    `population.residents=${Math.round(plan.density * size * size)}`,
    '--set',
    `city.density=${plan.density}`,
    '--set',
    `housing.similarityThreshold=${plan.threshold}`,
    '--set',
    'record.frames=true',
    '--seed',
    String(plan.seed),
    '--days',
    String(plan.steps),
    '--workers',
    String(plan.workers),
    '--out',
    out,
  ];
}

/** Runs both processes `repeats` times at each size, alternating, and takes medians and ranges. */
export function runSchellingEndToEnd(plan: EndToEndPlan, log: (line: string) => void): EndToEndCell[] {
  const cells: EndToEndCell[] = [];
  for (const size of plan.sizes) {
    const icity: ProcessSample[] = [];
    const flocc: ProcessSample[] = [];
    for (let k = 0; k < plan.repeats; k++) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-bench-e2e-'));
      try {
        const run = timeProcess([CHILD, ...icityArguments(plan, size, path.join(scratch, 'run'))], ROOT, `icity run of Schelling ${size}²`);
        const summary = JSON.parse(run.lastLines[run.lastLines.length - 2]) as { days: number };
        if (summary.days !== plan.steps) throw new Error(`icity run of Schelling ${size}² ran ${summary.days} days, not ${plan.steps}`);
        icity.push(strip(run));
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
      const args = [size, plan.threshold, plan.steps, plan.seed, plan.density].map(String);
      flocc.push(strip(timeProcess(['--import', 'tsx', FLOCC, ...args], ROOT, `flocc Schelling ${size}²`)));
      log(
        `  Schelling ${size}² end to end, run ${k + 1}: icity run ${icity[k].wallSeconds.toFixed(2)} s, flocc ${flocc[k].wallSeconds.toFixed(2)} s (load ${icity[k].loadBefore}, probe ${icity[k].probeBefore} s)`,
      );
    }
    for (const [runner, samples] of [
      ['icity run', icity],
      ['flocc', flocc],
    ] as const) {
      cells.push({ size, runner, samples, wallSeconds: spread(samples.map((s) => s.wallSeconds)), cpuSeconds: spread(samples.map((s) => s.cpuSeconds)) });
    }
  }
  return cells;
}

function strip({ lastLines, ...sample }: ProcessSample & { lastLines?: string[] }): ProcessSample {
  return sample;
}
