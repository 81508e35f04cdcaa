import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../inputError.ts';
import { writeFileAtomic } from '../runFolder.ts';
import {
  CALIBRATION_FORMAT,
  CALIBRATION_FORMAT_VERSION,
  CALIBRATION_POSTERIOR_FILE,
  CALIBRATION_REPORT_FILE,
  CALIBRATION_RUNS_FILE,
  type CalibrationManifestFile,
} from '../../formats/calibrationManifest.ts';

/**
 * The layout of a calibration folder: manifest.json, one experiment folder per wave
 * (defaults/ for the uncalibrated scenario, waves/<n>/ for the waves), and runs.csv,
 * posterior.csv and report.md over all waves once the last wave is finished.
 */
export const MANIFEST = 'manifest.json';
export const CALIBRATION_OUTPUTS = [CALIBRATION_RUNS_FILE, CALIBRATION_POSTERIOR_FILE, CALIBRATION_REPORT_FILE] as const;
export const DEFAULTS_DIR = 'defaults';

export function waveDirName(wave: number): string {
  return wave === 0 ? DEFAULTS_DIR : path.posix.join('waves', String(wave));
}

export function readCalibrationManifest(dir: string): CalibrationManifestFile {
  const file = path.join(dir, MANIFEST);
  let m: CalibrationManifestFile;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as CalibrationManifestFile;
  } catch (err) {
    throw new InputError([
      `${dir}: is not a calibration folder (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no manifest.json' : (err as Error).message})`,
    ]);
  }
  if (m?.format !== CALIBRATION_FORMAT) throw new InputError([`${file}: format: found ${JSON.stringify(m?.format)}; expected "${CALIBRATION_FORMAT}"`]);
  if (typeof m.formatVersion !== 'number' || m.formatVersion > CALIBRATION_FORMAT_VERSION)
    throw new InputError([
      `${file}: formatVersion: found ${JSON.stringify(m.formatVersion)}; this version reads calibration folders of format ${CALIBRATION_FORMAT_VERSION}`,
    ]);
  return m;
}

/** Whether a folder holds a calibration (its manifest says so). */
export function isCalibrationFolder(dir: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { format?: unknown }).format === CALIBRATION_FORMAT;
  } catch {
    return false;
  }
}

/** Creates the folder, or checks that it holds the same calibration; never mixes two, never touches a folder that is not a calibration's. */
export function prepareCalibrationFolder(dir: string, hash: string, name: string, shown: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new InputError([`--out ${shown}: is a file, expected a folder`]);
    if (fs.existsSync(path.join(dir, MANIFEST))) {
      const m = readCalibrationManifest(dir);
      if (m.calibrationHash !== hash)
        throw new InputError([
          `--out ${shown}: holds a different calibration ("${m.name}" from ${m.calibrationFile}, whose scenario, parameters, targets or budget differ); choose another --out or remove the folder`,
        ]);
    } else if (fs.readdirSync(dir).some((f) => !f.startsWith('.') && !/\.partial-\d+$/.test(f))) {
      throw new InputError([`--out ${shown}: is not empty and holds no calibration (no manifest.json); choose another --out for "${name}"`]);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
}

export function writeCalibrationManifest(dir: string, m: CalibrationManifestFile): void {
  writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}
