import { csvLine, formatNumber } from '../csv.ts';
import { CALIBRATION_RUN_COLUMNS, IMPLAUSIBILITY_SUFFIX } from '../../formats/calibrationManifest.ts';
import type { CalibrationPlan } from './loadCalibration.ts';
import type { PointResult } from './runCalibration.ts';

/**
 * runs.csv and posterior.csv. Parameter values are written with full precision (the
 * shortest text that reads back as the same number), so a posterior row re-runs exactly
 * the parameters that were run; simulated values and implausibilities are rounded like
 * every other table. A value that could not be measured is empty.
 */
function full(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

function rounded(x: number): string {
  return Number.isFinite(x) ? formatNumber(x) : '';
}

export function runsCsv(plan: CalibrationPlan, points: readonly PointResult[]): string {
  const cal = plan.calibration;
  const header = [
    ...CALIBRATION_RUN_COLUMNS,
    ...cal.parameters.map((p) => p.path),
    ...cal.targets.map((t) => t.name),
    ...cal.targets.map((t) => `${t.name}${IMPLAUSIBILITY_SUFFIX}`),
    'implausibility',
    'plausible',
  ];
  let out = csvLine(header);
  for (const p of points)
    p.replications.forEach((values, r) => {
      out += csvLine([
        p.wave,
        p.point,
        r + 1,
        p.seeds[r],
        ...p.values.map(full),
        ...values.map(rounded),
        ...p.implausibility.map(rounded),
        rounded(p.combined),
        p.plausible ? 1 : 0,
      ]);
    });
  return out;
}

/** The interface to experiments over the posterior: a column per parameter path, then weight; one row per point not ruled out. */
export function posteriorCsv(plan: CalibrationPlan, posterior: readonly PointResult[]): string {
  let out = csvLine([...plan.calibration.parameters.map((p) => p.path), 'weight']);
  for (const p of posterior) out += csvLine([...p.values.map(full), 1]);
  return out;
}
