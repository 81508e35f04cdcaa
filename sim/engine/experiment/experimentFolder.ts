import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { alive, settleLeftovers, writeFileAtomic } from '../runFolder.ts';
import { BASELINE } from './arm.ts';
import type { DesignRecord } from './design/designPoints.ts';
import type { PosteriorRecord } from './posterior/posteriorPlan.ts';
import { EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION } from '../../formats/experimentManifest.ts';

/**
 * The layout of an experiment folder and its manifest. The manifest is written before any
 * run starts (so a re-run can tell whether the folder holds the same experiment) and again
 * at the end with every run's status and the wall time.
 */
export { EXPERIMENT_FORMAT, EXPERIMENT_FORMAT_VERSION } from '../../formats/experimentManifest.ts';

export type RunStatus = 'pending' | 'done' | 'reused' | 'failed';

export interface RunRecord {
  arm: string;
  replication: number;
  seed: number;
  /** The run folder, relative to the experiment folder. */
  dir: string;
  /** The scenarioHash the run's own manifest.json must carry. */
  scenarioHash: string;
  status: RunStatus;
  wallSeconds?: number;
  error?: string;
  /** The run failed once in this invocation and was tried again. */
  retried?: boolean;
  /** With a posterior: the parameter set the run used (the same for every arm of its replication). */
  draw?: { draw: number; row: number; values: Record<string, number> };
}

export interface ArmRecord {
  name: string;
  label: string;
  description: string;
  set: Record<string, unknown>;
  policies: unknown[];
}

export interface ExperimentManifest {
  format: typeof EXPERIMENT_FORMAT;
  formatVersion: number;
  package: { name: string; version: string };
  node: string;
  name: string;
  experimentFile: string;
  experimentHash: string;
  experiment: Record<string, unknown> & { name: string; description: string };
  scenarioFile: string;
  scenario: Record<string, unknown>;
  arms: ArmRecord[];
  seeds: number[];
  days: number;
  metrics: string[];
  reportDays: number[];
  threads: { budget: number; pool: number; perRun: number };
  wallSeconds: number | null;
  runs: RunRecord[];
  files: Record<string, string>;
  /** The design and its points, when the experiment has one (its points are arms). */
  design?: DesignRecord;
  /** The posterior the replications drew their parameters from, and each draw. */
  posterior?: PosteriorRecord;
  /** Where the runs were done, when not by this process alone: a shard "i/n", or a queue's address. */
  distributed?: { shard?: string; queue?: string; transfer?: boolean };
}

export const MANIFEST = 'manifest.json';

const day = z.number().int().min(0).max(36_500);
/** What readers of an experiment manifest rely on; a damaged manifest is refused naming the field. */
const manifestShape = z.looseObject({
  name: z.string(),
  experiment: z.looseObject({}),
  scenario: z.looseObject({}),
  arms: z.array(z.looseObject({ name: z.string(), policies: z.array(z.unknown()), set: z.record(z.string(), z.unknown()) })).min(1),
  seeds: z.array(z.number().int().min(0)).min(1),
  days: day.min(1),
  metrics: z.array(z.string()).min(1),
  reportDays: z.array(day).min(1),
  runs: z.array(z.looseObject({ dir: z.string(), scenarioHash: z.string() })),
});

/** The folder of replication `rep` (1-based) of an arm, relative to the experiment folder. */
export function runDirName(arm: string, rep: number): string {
  return path.posix.join('runs', arm, String(rep));
}

export function readExperimentManifest(dir: string): ExperimentManifest {
  const file = path.join(dir, MANIFEST);
  let m: ExperimentManifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as ExperimentManifest;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([
      `${dir}: is not an experiment folder (${code === 'ENOENT' ? 'no manifest.json' : `manifest.json cannot be read: ${(err as Error).message}`})`,
    ]);
  }
  if (m?.format !== EXPERIMENT_FORMAT) throw new InputError([`${file}: format: found ${JSON.stringify(m?.format)}; expected "${EXPERIMENT_FORMAT}"`]);
  if (typeof m.formatVersion !== 'number' || m.formatVersion > EXPERIMENT_FORMAT_VERSION) {
    throw new InputError([
      `${file}: formatVersion: found ${JSON.stringify(m.formatVersion)}; this version reads experiment folders of format ${EXPERIMENT_FORMAT_VERSION}`,
    ]);
  }
  const checked = manifestShape.safeParse(m);
  if (!checked.success)
    throw new InputError([
      ...describeIssues(file, m, checked.error.issues).slice(0, 10),
      `${file}: the manifest is damaged; run the experiment again to rewrite it (finished runs are kept)`,
    ]);
  return m;
}

/**
 * Makes the folder ready for an experiment: creates it, or checks that it holds the same
 * experiment (same hash) and never mixes two. Removes unfinished run folders that a killed
 * process left behind.
 */
export function prepareFolder(dir: string, hash: string, name: string, shown = dir, options: { shared?: boolean; replications?: number } = {}): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new InputError([`--out ${shown}: is a file, expected a folder`]);
    if (fs.existsSync(path.join(dir, MANIFEST))) {
      const m = readExperimentManifest(dir);
      if (m.experimentHash !== hash) {
        throw new InputError([
          `--out ${shown}: holds a different experiment ("${m.name}" from ${m.experimentFile}, whose scenario, arms or seeds differ); choose another --out or remove the folder`,
        ]);
      }
      // Fewer replications would silently shrink the summary and report of runs already done.
      if (options.replications !== undefined && Array.isArray(m.seeds) && m.seeds.length > options.replications) {
        throw new InputError([
          `--reps ${options.replications}: ${shown} already holds ${m.seeds.length} replications of "${m.name}"; give --reps ${m.seeds.length} (or more) to use them, or another --out for a smaller experiment (nothing was changed)`,
        ]);
      }
    } else if (fs.readdirSync(dir).some((f) => !f.startsWith('.') && !/\.partial-\d+$/.test(f))) {
      throw new InputError([`--out ${shown}: is not empty and holds no experiment (no manifest.json); choose another --out for "${name}"`]);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  // Processes on other machines (shards, queue workers) may be writing runs into a shared
  // folder, and their process ids mean nothing here: leave their unfinished folders alone.
  if (!options.shared) removeStalePartials(dir);
}

/** Unfinished files ("summary.csv.partial-<pid>") and run folders whose process is gone; see settleLeftovers. */
function removeStalePartials(dir: string): void {
  for (const f of fs.readdirSync(dir)) {
    const m = /\.partial-(\d+)$/.exec(f);
    if (m && !alive(Number(m[1]))) fs.rmSync(path.join(dir, f), { force: true });
  }
  const runs = path.join(dir, 'runs');
  if (!fs.existsSync(runs)) return;
  for (const arm of fs.readdirSync(runs)) {
    const armDir = path.join(runs, arm);
    if (fs.statSync(armDir).isDirectory()) settleLeftovers(armDir);
  }
}

/**
 * A run counts as finished when its folder has a manifest.json with the expected scenario
 * hash and every file the manifest lists is there and whole: metrics.csv has a row per
 * day, frames.bin the size frames.json gives. A damaged run is done again.
 */
export function runFinished(dir: string, run: Pick<RunRecord, 'dir' | 'scenarioHash'>): boolean {
  try {
    const runDir = path.join(dir, run.dir);
    const m = JSON.parse(fs.readFileSync(path.join(runDir, MANIFEST), 'utf8')) as { scenarioHash?: string; days?: number; files?: Record<string, string> };
    if (m.scenarioHash !== run.scenarioHash || typeof m.days !== 'number') return false;
    for (const name of Object.keys(m.files ?? { 'metrics.csv': '' })) if (fs.statSync(path.join(runDir, name)).size === 0) return false;
    const rows = fs.readFileSync(path.join(runDir, 'metrics.csv'), 'utf8').trimEnd().split('\n').length - 1;
    if (rows !== m.days + 1) return false;
    if (m.files?.['frames.json'] !== undefined) {
      const h = JSON.parse(fs.readFileSync(path.join(runDir, 'frames.json'), 'utf8')) as { complete?: boolean; days?: unknown[]; frameBytes?: number };
      if (h.complete !== true || !Array.isArray(h.days) || fs.statSync(path.join(runDir, 'frames.bin')).size !== h.days.length * (h.frameBytes ?? NaN))
        return false;
    }
    return true;
  } catch {
    return false;
  }
}

export function writeManifest(dir: string, m: ExperimentManifest): void {
  writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(m, null, 2) + '\n');
}

/** The arms in manifest order, baseline first. */
export function armNames(m: ExperimentManifest): string[] {
  const names = m.arms.map((a) => a.name);
  if (names[0] !== BASELINE) throw new InputError([`${MANIFEST}: arms: the first arm must be "${BASELINE}"`]);
  return names;
}
