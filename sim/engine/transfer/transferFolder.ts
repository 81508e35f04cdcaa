import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../inputError.ts';
import { writeFileAtomic } from '../runFolder.ts';
import type { CityProfile } from './cityProfile.ts';
import type { Practice } from './catalogue.ts';
import type { TransferArm } from './loadTransfer.ts';
import { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION } from '../../formats/transferManifest.ts';

/**
 * The layout of a transfer experiment's folder: manifest.json (this format), one experiment
 * folder per city under cities/<city>/ (as `icity experiment` writes one), and transfer.csv
 * and report.md over all cities once every city is summarised.
 */
export { TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION };
export const MANIFEST = 'manifest.json';
export const TRANSFER_FILES = ['transfer.csv', 'cities.csv', 'report.md'] as const;

export interface TransferManifest {
  format: typeof TRANSFER_FORMAT;
  formatVersion: number;
  package: { name: string; version: string };
  name: string;
  description: string;
  transferFile: string;
  transferHash: string;
  days: number;
  replications: number;
  seeds: number[];
  metrics: string[];
  /** Name, unit, better direction (+1, −1, 0) and meaning of each metric, for readers of the folder. */
  metricInfo: { name: string; unit: string; better: number; description: string }[];
  reportDays: number[];
  practices: { name: string; label: string; catalogue?: string; metric: string; variants: { name: string; description: string }[] }[];
  cities: {
    name: string;
    label: string;
    /** The city's experiment folder, relative to this folder. */
    dir: string;
    /** The city's scenario file as the transfer file names it (relative to that file). */
    scenarioFile: string;
    keepPolicies: boolean;
    residents: number;
    groups: number;
    arms: TransferArm[];
    skipped: { practice: string; variant: string; why: string }[];
    profile: Pick<CityProfile, 'districts' | 'districtMigrants' | 'districtHosts'>;
  }[];
  /** The catalogue entries the practices name, so the viewer needs nothing else. */
  catalogue: Record<string, Practice>;
  wallSeconds: number | null;
  files: Record<string, string>;
}

export function cityDirName(city: string): string {
  return path.posix.join('cities', city);
}

export function readTransferManifest(dir: string): TransferManifest {
  const file = path.join(dir, MANIFEST);
  let m: TransferManifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as TransferManifest;
  } catch (err) {
    throw new InputError([
      `${dir}: is not a transfer experiment folder (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no manifest.json' : (err as Error).message})`,
    ]);
  }
  if (m?.format !== TRANSFER_FORMAT) throw new InputError([`${file}: format: found ${JSON.stringify(m?.format)}; expected "${TRANSFER_FORMAT}"`]);
  if (typeof m.formatVersion !== 'number' || m.formatVersion > TRANSFER_FORMAT_VERSION) {
    throw new InputError([
      `${file}: formatVersion: found ${JSON.stringify(m.formatVersion)}; this version reads transfer folders of format ${TRANSFER_FORMAT_VERSION}`,
    ]);
  }
  return m;
}

/** Whether a folder holds a transfer experiment (its manifest says so). */
export function isTransferFolder(dir: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { format?: unknown }).format === TRANSFER_FORMAT;
  } catch {
    return false;
  }
}

/** Creates the folder, or checks that it holds the same transfer experiment; never mixes two. */
export function prepareTransferFolder(dir: string, hash: string, name: string, shown: string): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new InputError([`--out ${shown}: is a file, expected a folder`]);
    if (fs.existsSync(path.join(dir, MANIFEST))) {
      const m = readTransferManifest(dir);
      if (m.transferHash !== hash) {
        throw new InputError([
          `--out ${shown}: holds a different transfer experiment ("${m.name}" from ${m.transferFile}, whose cities, practices or seeds differ); choose another --out or remove the folder`,
        ]);
      }
    } else if (fs.readdirSync(dir).some((f) => !f.startsWith('.') && !/\.partial-\d+$/.test(f))) {
      throw new InputError([`--out ${shown}: is not empty and holds no transfer experiment (no manifest.json); choose another --out for "${name}"`]);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
}

export function writeTransferManifest(dir: string, m: TransferManifest): void {
  writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}
