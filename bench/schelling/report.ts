import type { SchellingParams, SchellingResult } from './contract.ts';
import type { Layout } from './layout.ts';
import { measureSegregation } from './metrics.ts';
import type { TimedSteps } from './timing.ts';

/**
 * Turns what a peer measured (its setup time, its timed steps, its final grid) into the
 * common result, measuring the outcome with the shared metric so peers cannot differ in how
 * they count, only in what their model did.
 */
export function buildResult(
  params: SchellingParams,
  layout: Layout,
  setupSeconds: number,
  timed: TimedSteps,
  moves: number,
  finalCells: Uint8Array,
): SchellingResult {
  const { width, height, threshold } = params;
  const before = measureSegregation(layout.cells, width, height, threshold);
  const after = measureSegregation(finalCells, width, height, threshold);
  // A peer that lost or duplicated a resident did not run the model: refuse to report a rate.
  if (after.residents !== layout.residents) {
    throw new Error(`Schelling peer ended with ${after.residents} residents instead of ${layout.residents}`);
  }
  return {
    residents: layout.residents,
    setupSeconds,
    stepSeconds: timed.stepSeconds,
    stepsRun: timed.stepsRun,
    updatesPerSecond: timed.stepSeconds > 0 ? (layout.residents * timed.stepsRun) / timed.stepSeconds : Number.POSITIVE_INFINITY,
    stepCpuSeconds: timed.stepCpuSeconds,
    updatesPerCpuSecond: timed.stepCpuSeconds > 0 ? (layout.residents * timed.stepsRun) / timed.stepCpuSeconds : Number.POSITIVE_INFINITY,
    moves,
    initialPercentSimilar: before.percentSimilar,
    percentSimilar: after.percentSimilar,
    unhappyShare: after.unhappyShare,
  };
}
