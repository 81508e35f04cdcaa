import {
  CALIBRATION_FORMAT,
  CALIBRATION_FORMAT_VERSION,
  CALIBRATION_POSTERIOR_FILE,
  CALIBRATION_RUN_COLUMNS,
  CALIBRATION_RUNS_FILE,
  IMPLAUSIBILITY_SUFFIX,
  calibrationManifestSchema,
  type CalibrationManifestFile,
} from '../../../sim/formats/calibrationManifest.ts';
import { parseFormat } from './parseFormat.ts';
import { fetchText } from './fetchData.ts';
import { numberColumn, parseCsv } from './csvTable.ts';
import { ViewerError } from './viewerError.ts';

/** One point of a calibration (its replications averaged), as runs.csv gives it. */
export interface CalibrationPoint {
  wave: number;
  point: number;
  values: number[];
  /** Per target: the mean over the point's replications (NaN when it could not be measured). */
  means: number[];
  plausible: boolean;
}

export interface Calibration {
  manifest: CalibrationManifestFile;
  points: CalibrationPoint[];
  /** Rows of posterior.csv, a value per parameter. */
  posterior: number[][];
}

/** Reads a calibration folder's manifest, runs.csv and posterior.csv. */
export async function loadCalibration(json: unknown): Promise<Calibration> {
  const manifest = parseFormat('manifest.json', json, calibrationManifestSchema, CALIBRATION_FORMAT, CALIBRATION_FORMAT_VERSION);
  if (manifest.status !== 'done')
    throw new ViewerError(
      'manifest.json',
      `says the calibration is ${manifest.status}: its last wave is not finished, so there is no runs.csv yet`,
      `Run icity calibrate ${manifest.calibrationFile} again with the same --out to finish it.`,
    );
  const params = manifest.parameters.map((p) => p.path);
  const targets = manifest.targets.map((t) => t.name);
  const runs = parseCsv(CALIBRATION_RUNS_FILE, await fetchText(CALIBRATION_RUNS_FILE), [
    ...CALIBRATION_RUN_COLUMNS,
    ...params,
    ...targets,
    ...targets.map((t) => `${t}${IMPLAUSIBILITY_SUFFIX}`),
    'plausible',
  ]);
  const [wave, point, plausible] = ['wave', 'point', 'plausible'].map((c) => numberColumn(runs, c));
  const values = params.map((p) => numberColumn(runs, p));
  const simulated = targets.map((t) => numberColumn(runs, t, true));
  const points: CalibrationPoint[] = [];
  // Rows of a point are consecutive (one per replication): average them as they come.
  const counts: number[] = [];
  for (let i = 0; i < runs.rows.length; i++) {
    let p = points[points.length - 1];
    if (!p || p.wave !== wave[i] || p.point !== point[i]) {
      p = { wave: wave[i], point: point[i], values: values.map((v) => v[i]), means: targets.map(() => 0), plausible: plausible[i] === 1 };
      points.push(p);
      counts.push(0);
    }
    const n = ++counts[counts.length - 1];
    simulated.forEach((s, k) => {
      p.means[k] += (s[i] - p.means[k]) / n;
    });
  }
  const post = parseCsv(CALIBRATION_POSTERIOR_FILE, await fetchText(CALIBRATION_POSTERIOR_FILE), [...params, 'weight']);
  const columns = params.map((p) => numberColumn(post, p));
  const posterior = post.rows.map((_, i) => columns.map((c) => c[i]));
  return { manifest, points, posterior };
}
