import path from 'node:path';
import { csvLine } from '../../csv.ts';
import { writeFileAtomic } from '../../runFolder.ts';
import type { ExperimentManifest } from '../experimentFolder.ts';
import { morrisIndices } from './morrisIndices.ts';
import { SENSITIVITY_COLUMNS } from '../../../formats/experimentTables.ts';
import type { Trajectory } from './morrisTrajectories.ts';

export const DESIGN_FILES: Record<string, string> = {
  'points.csv':
    'One row per design point: its arm name and the value of each parameter (Morris points also give their trajectory), to join with summary.csv on arm.',
};
export const MORRIS_FILES: Record<string, string> = {
  'sensitivity.csv':
    'Morris screening per metric, report day and parameter: mu, mu* (mean |elementary effect|) and sigma of the elementary effects over the whole range of the parameter, ranked by mu*.',
};
export { SENSITIVITY_COLUMNS };

/** A value of the finished runs: metric `metric` (index into the manifest's metrics) of replication `rep` (0-based) of an arm on a day. */
export type RunValue = (arm: string, rep: number, metric: number, day: number) => number;

const cellOf = (v: unknown): string | number => (typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v));

/** points.csv: arm → parameter values. */
export function pointsCsv(m: ExperimentManifest): string {
  const d = m.design!;
  const morris = d.type === 'morris';
  let out = csvLine(['arm', ...(morris ? ['trajectory'] : []), ...d.parameters.map((p) => p.path)]);
  for (const p of d.points) out += csvLine([p.arm, ...(morris ? [p.trajectory! + 1] : []), ...p.values.map(cellOf)]);
  return out;
}

/**
 * sensitivity.csv: the Morris measures of every parameter for every metric and report day.
 * The output of a point is its mean over the replications (which share their seeds across
 * points, so the differences along a trajectory are mostly the parameter's); within a metric
 * and day the parameters are ranked by mu*, the most influential first.
 */
export function sensitivityCsv(m: ExperimentManifest, value: RunValue): string {
  const d = m.design!;
  const k = d.parameters.length;
  const byTrajectory: { unit: number[]; arm: string }[][] = [];
  for (const p of d.points) (byTrajectory[p.trajectory!] ??= []).push({ unit: p.unit!, arm: p.arm });
  const trajectories: Trajectory[] = byTrajectory.map((t) => t.map((p) => p.unit));
  const n = m.seeds.length;
  let out = csvLine([...SENSITIVITY_COLUMNS]);
  m.metrics.forEach((metric, i) => {
    for (const day of m.reportDays) {
      const outputs = byTrajectory.map((t) =>
        t.map((p) => {
          let sum = 0;
          for (let r = 0; r < n; r++) sum += value(p.arm, r, i, day);
          return sum / n;
        }),
      );
      const indices = morrisIndices(k, trajectories, outputs).map((x, j) => ({ ...x, j }));
      indices.sort((a, b) => b.muStar - a.muStar || a.j - b.j);
      for (const x of indices) out += csvLine([metric, day, d.parameters[x.j].path, x.mu, x.muStar, x.sigma ?? '', x.r]);
    }
  });
  return out;
}

/** Writes points.csv (and for Morris sensitivity.csv) whole; returns the files written. */
export function writeDesignOutputs(dir: string, m: ExperimentManifest, value: RunValue): string[] {
  if (!m.design) return [];
  writeFileAtomic(path.join(dir, 'points.csv'), pointsCsv(m));
  if (m.design.type !== 'morris') return ['points.csv'];
  writeFileAtomic(path.join(dir, 'sensitivity.csv'), sensitivityCsv(m, value));
  return ['points.csv', 'sensitivity.csv'];
}
