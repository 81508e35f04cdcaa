import type { SchellingParams, SchellingResult, SchellingRunner } from './schelling/contract.ts';
import { engineRunner, type EngineResult } from './schelling/engine.ts';
import { peers } from './schelling/peers.ts';
import { collectGarbage } from './gc.ts';
import { median } from './median.ts';

/**
 * The canonical Schelling model at several grid sizes and thresholds, our engine side by side
 * with the peers of bench/schelling, in one process, each runner warmed up first.
 */

export interface SchellingRunnerSpec {
  /** Key in results and tables. */
  id: string;
  label: string;
  version: string;
  /** A library peer (slow at large sizes), as opposed to our engine or the hand-written loop. */
  library: boolean;
  run: SchellingRunner;
}

const ENGINE_VERSION = 'this package';

export function schellingRunners(): SchellingRunnerSpec[] {
  const engine = (census: boolean, workers: number): SchellingRunnerSpec => ({
    id: `icity-${census ? 'census' : 'step'}-${workers}`,
    label: `icity, ${census ? 'census each day' : 'stepping only'}, ${workers} thread${workers > 1 ? 's' : ''}`,
    version: ENGINE_VERSION,
    library: false,
    run: engineRunner({ census, workers }),
  });
  return [
    engine(true, 1),
    engine(false, 1),
    engine(true, 2),
    engine(false, 2),
    ...peers.map((p) => ({
      id: p.name,
      label: p.name === 'reference' ? 'hand-written loop' : p.name,
      version: p.version,
      library: p.name !== 'reference',
      run: p.run,
    })),
  ];
}

export interface SchellingPlan {
  sizes: number[];
  thresholds: number[];
  steps: number;
  seed: number;
  density: number;
  /** Runs per cell to take the median of. */
  repeats: number;
  /** Runs per cell for the library peers at sizes of at least `slowSize` (they take minutes). */
  slowRepeats: number;
  slowSize: number;
  /** Safety net for the library peers: stepping stops after the step that crosses it. */
  maxSeconds: number;
  /** Side of the grid every runner runs once (20 steps) before measuring, for JIT warm-up. */
  warmUpSize: number;
  runners: SchellingRunnerSpec[];
}

export interface SchellingCell {
  runner: string;
  size: number;
  threshold: number;
  residents: number;
  repeats: number;
  /** Median over repeats of residents x steps / stepping seconds. */
  updatesPerSecond: number;
  /** Median over repeats of residents x steps / CPU seconds of the stepping (all threads of the process). */
  updatesPerCpuSecond: number;
  /** Median stepping seconds and steps run (fewer than asked only if maxSeconds cut in). */
  stepSeconds: number;
  stepsRun: number;
  setupSeconds: number;
  moves: number;
  initialPercentSimilar: number;
  percentSimilar: number;
  unhappyShare: number;
  /** Our engine only: the grid it built, and its own percent_similar indicator (census variant). */
  grid?: { width: number; height: number };
  indicatorPercentSimilar?: number;
  samples: Pick<SchellingResult, 'updatesPerSecond' | 'updatesPerCpuSecond' | 'stepSeconds' | 'stepCpuSeconds' | 'setupSeconds'>[];
}

/** Every runner once on a small grid, so measured runs do not also pay for JIT compilation. */
function warmUp(plan: SchellingPlan): void {
  const size = plan.warmUpSize;
  for (const r of plan.runners) r.run({ width: size, height: size, density: plan.density, threshold: 0.5, steps: 20, seed: plan.seed + 1 });
}

export function runSchelling(plan: SchellingPlan, log: (line: string) => void = () => {}): SchellingCell[] {
  warmUp(plan);
  const cells: SchellingCell[] = [];
  for (const size of plan.sizes) {
    for (const threshold of plan.thresholds) {
      const params: SchellingParams = { width: size, height: size, density: plan.density, threshold, steps: plan.steps, seed: plan.seed };
      const results = new Map<string, SchellingResult[]>(plan.runners.map((r) => [r.id, []]));
      const repeatsOf = (r: SchellingRunnerSpec) => (r.library && size >= plan.slowSize ? plan.slowRepeats : plan.repeats);
      const rounds = Math.max(...plan.runners.map(repeatsOf));
      // Round robin over runners, so a slow drift of the machine's load touches all of them alike.
      for (let k = 0; k < rounds; k++) {
        for (const r of plan.runners) {
          if (k >= repeatsOf(r)) continue;
          collectGarbage();
          const res = r.run({ ...params, maxSeconds: r.library ? plan.maxSeconds : undefined });
          results.get(r.id)!.push(res);
          log(
            `schelling ${size}x${size} threshold ${threshold} ${r.id} run ${k + 1}: ${(res.updatesPerSecond / 1e6).toFixed(2)} M updates/s, ${(res.updatesPerCpuSecond / 1e6).toFixed(2)} M per CPU-second, ${res.percentSimilar.toFixed(1)}% similar`,
          );
        }
      }
      for (const r of plan.runners) cells.push(summarise(r.id, size, threshold, results.get(r.id)!));
    }
  }
  return cells;
}

function summarise(runner: string, size: number, threshold: number, runs: SchellingResult[]): SchellingCell {
  const last = runs[runs.length - 1] as EngineResult;
  return {
    runner,
    size,
    threshold,
    residents: last.residents,
    repeats: runs.length,
    updatesPerSecond: median(runs.map((r) => r.updatesPerSecond)),
    updatesPerCpuSecond: median(runs.map((r) => r.updatesPerCpuSecond)),
    stepSeconds: median(runs.map((r) => r.stepSeconds)),
    stepsRun: median(runs.map((r) => r.stepsRun)),
    setupSeconds: median(runs.map((r) => r.setupSeconds)),
    moves: last.moves,
    initialPercentSimilar: last.initialPercentSimilar,
    percentSimilar: last.percentSimilar,
    unhappyShare: last.unhappyShare,
    grid: last.grid,
    indicatorPercentSimilar: last.indicatorPercentSimilar,
    samples: runs.map(({ updatesPerSecond, updatesPerCpuSecond, stepSeconds, stepCpuSeconds, setupSeconds }) => ({
      updatesPerSecond,
      updatesPerCpuSecond,
      stepSeconds,
      stepCpuSeconds,
      setupSeconds,
    })),
  };
}
