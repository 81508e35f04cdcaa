import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { packageInfo } from '../packageInfo.ts';
import { armScenario, type Override } from '../experiment/armScenario.ts';
import type { Arm } from '../experiment/arm.ts';
import type { ExperimentPlan, ResolvedExperiment } from '../experiment/loadExperiment.ts';
import { runExperiment, type ExperimentOptions } from '../experiment/runExperiment.ts';
import { runDirName } from '../experiment/experimentFolder.ts';
import { writeFileAtomic } from '../runFolder.ts';
import type { CalibrationPlan } from './loadCalibration.ts';
import { fromUnit, toUnit } from './parameterScale.ts';
import { priorBox, refocusedBox, wavePoints, type UnitBox } from './waveDesign.ts';
import { combined, estimate, implausibility } from './implausibility.ts';
import { RunTables, targetValue } from './targetMeasures.ts';
import { CALIBRATION_OUTPUTS, prepareCalibrationFolder, waveDirName, writeCalibrationManifest } from './calibrationFolder.ts';
import { posteriorCsv, runsCsv } from './calibrationTables.ts';
import { calibrationReport } from './calibrationReport.ts';
import {
  CALIBRATION_FORMAT,
  CALIBRATION_FORMAT_VERSION,
  CALIBRATION_POSTERIOR_FILE,
  CALIBRATION_REPORT_FILE,
  CALIBRATION_RUNS_FILE,
  type CalibrationManifestFile,
  type CalibrationWave,
} from '../../formats/calibrationManifest.ts';

/** One parameter set of a wave with what its replications gave. */
export interface PointResult {
  wave: number;
  /** 1-based within the wave. */
  point: number;
  /** Parameter values in unit coordinates of the prior. */
  unit: number[];
  values: number[];
  seeds: number[];
  /** Per replication, per target: the simulated value. */
  replications: number[][];
  /** Per target: mean over replications. */
  means: number[];
  /** Per target: the implausibility. */
  implausibility: number[];
  /** Over targets: the largest (or second largest) implausibility. */
  combined: number;
  plausible: boolean;
}

export interface CalibrationResult {
  dir: string;
  name: string;
  manifest: CalibrationManifestFile;
  points: PointResult[];
  /** The runs of all waves, and how many this invocation ran. */
  runs: number;
  ran: number;
  /** True when every wave is finished and the outputs are written. */
  complete: boolean;
  wallSeconds: number;
}

/** The least implausible share of points a wave refocuses on when no point was left. */
const FALLBACK_SHARE = 0.1;

export function pointArmName(point: number): string {
  return `p${String(point).padStart(3, '0')}`;
}

function armRunName(point: number, arm?: string): string {
  return arm ? `${pointArmName(point)}-${arm}` : pointArmName(point);
}

/** The experiment of one wave: every point, and every arm beside every point, with the calibration's seeds. */
function waveExperiment(plan: CalibrationPlan, wave: number, values: number[][]): ExperimentPlan {
  const cal = plan.calibration;
  const { file, scenarioFile, rawScenario } = plan;
  // Calibration runs need metrics every day and the residents at the end, not the dwelling grid.
  const common: Override[] = [...plan.baseOverrides, { key: 'record.frames', value: false, where: 'calibration' }];
  const arms: Arm[] = [];
  values.forEach((point, i) => {
    const params: Override[] = cal.parameters.map((p, j) => ({ key: p.path, value: point[j], where: `parameters[${j}]` }));
    const name = armRunName(i + 1);
    arms.push({
      name,
      label: name,
      description: '',
      scenario: armScenario(file, scenarioFile, rawScenario, [...common, ...params], [], ''),
      set: {},
      overrides: params,
      policies: [],
      where: `point ${i + 1}`,
    });
    cal.arms.forEach((a, k) => {
      const sets = Object.entries(a.set ?? {}).map(([key, value]) => ({ key, value, where: `arms[${k}].set.${key}` }));
      const scenario = armScenario(file, scenarioFile, rawScenario, [...common, ...params, ...sets], a.policies ?? [], `arms[${k}]`);
      arms.push({
        name: armRunName(i + 1, a.name),
        label: a.name,
        description: a.description ?? '',
        scenario,
        set: a.set ?? {},
        overrides: [...params, ...sets],
        policies: a.policies ?? [],
        where: `arms[${k}]`,
      });
    });
  });
  const seeds = Array.from({ length: cal.replications }, (_, r) => cal.seed + r);
  const metrics = [...new Set(cal.targets.flatMap((t) => ('metric' in t ? [t.metric] : [])))];
  const experiment = {
    name: `${cal.name}-${wave === 0 ? 'defaults' : `wave-${wave}`}`,
    description: wave === 0 ? 'The uncalibrated scenario, for comparison.' : `Wave ${wave} of the history matching of ${cal.name}.`,
    scenario: cal.scenario,
    days: plan.base.days,
    replications: cal.replications,
    seeds,
    metrics: metrics.length ? metrics : ['population'],
    reportDays: [plan.base.days],
    baseline: { label: arms[0].name },
    arms: [],
  } as unknown as ResolvedExperiment;
  const identity = { arms: arms.map((a) => ({ name: a.name, scenario: { ...a.scenario, seed: undefined } })), seeds };
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return { file, experiment, scenarioFile, base: arms[0].scenario, arms, seeds, hash };
}

/** Reads a finished wave's runs into point results. */
function measureWave(plan: CalibrationPlan, waveDir: string, wave: number, units: number[][], values: number[][]): PointResult[] {
  const cal = plan.calibration;
  const host = plan.base.population.groups.find((g) => g.host)?.name ?? '';
  return values.map((v, i) => {
    const seeds: number[] = [];
    const replications: number[][] = [];
    for (let r = 0; r < cal.replications; r++) {
      const tables = new RunTables();
      const runDir = (arm?: string) => path.join(waveDir, runDirName(armRunName(i + 1, arm), r + 1));
      seeds.push(cal.seed + r);
      replications.push(cal.targets.map((t) => targetValue(t, tables, runDir, host)));
    }
    const estimates = cal.targets.map((_, t) => estimate(replications.map((rep) => rep[t])));
    const imp = cal.targets.map((t, k) => implausibility(t, estimates[k]));
    const c = combined(imp, cal.implausibility);
    return {
      wave,
      point: i + 1,
      unit: units[i],
      values: v,
      seeds,
      replications,
      means: estimates.map((e) => e.mean),
      implausibility: imp,
      combined: c,
      plausible: c <= cal.cutoff,
    };
  });
}

/** The box of the next wave, and what it was drawn around. */
function nextBox(points: PointResult[], k: number): { box: UnitBox; basis: CalibrationWave['basis'] } {
  const sampled = points.filter((p) => p.wave > 0);
  const plausible = sampled.filter((p) => p.plausible);
  if (plausible.length)
    return {
      box: refocusedBox(
        plausible.map((p) => p.unit),
        k,
      ),
      basis: 'plausible',
    };
  // Nothing left: history matching would stop here; refocusing on the least implausible
  // points lets a later wave still find the region, and the report says that it had to.
  const best = [...sampled].sort((a, b) => a.combined - b.combined || a.wave - b.wave || a.point - b.point);
  const n = Math.max(2, Math.ceil(FALLBACK_SHARE * best.length));
  return {
    box: refocusedBox(
      best.slice(0, n).map((p) => p.unit),
      k,
    ),
    basis: 'least-implausible',
  };
}

function initialManifest(plan: CalibrationPlan): CalibrationManifestFile {
  const cal = plan.calibration;
  return {
    format: CALIBRATION_FORMAT,
    formatVersion: CALIBRATION_FORMAT_VERSION,
    package: packageInfo(),
    name: cal.name,
    description: cal.description,
    calibrationFile: plan.file,
    calibrationHash: plan.hash,
    // As the calibration file names it (relative to that file), so the manifest names no folder of this machine.
    scenarioFile: cal.scenario,
    residents: plan.base.population.residents,
    days: plan.base.days,
    replications: cal.replications,
    seed: cal.seed,
    runs: cal.runs,
    waves: cal.waves,
    cutoff: cal.cutoff,
    implausibility: cal.implausibility,
    parameters: cal.parameters.map((p, j) => ({ ...p, default: plan.defaults[j] })),
    targets: cal.targets.map((t) => ({ ...t })),
    arms: cal.arms.map((a) => ({ ...a })),
    status: 'running',
    waveRecords: [],
    posteriorPoints: null,
    wallSeconds: null,
    files: {
      'manifest.json':
        'This file: the calibration after defaults, its parameters with their prior ranges and uncalibrated values, its targets, and the box and outcome of each wave.',
      'defaults/': 'An experiment folder (as `icity experiment` writes one) with the uncalibrated scenario and its arms, for comparison.',
      'waves/<n>/':
        "An experiment folder per wave: one arm per point (p001, ...) and per point and arm (p001-<arm>), each with the calibration's replications.",
      [CALIBRATION_RUNS_FILE]:
        "Every run: wave (0 for the defaults), point, replication, seed, each parameter, the simulated value of each target, each target's implausibility at the point, the point's implausibility over all targets, and whether it is plausible (1) or ruled out (0).",
      [CALIBRATION_POSTERIOR_FILE]:
        'The parameter sets not ruled out (one row each, in wave and point order), a column per parameter path and a weight column (equal weights: a non-implausible set, not a Bayesian posterior).',
      [CALIBRATION_REPORT_FILE]:
        'Per target: published value, prior and posterior predictive range, whether it is met; per parameter: prior and posterior range, whether it is identified.',
    },
  };
}

/**
 * History matching (Vernon, Goldstein & Bower 2010; Andrianakis et al. 2015): the
 * uncalibrated defaults first, then waves of Latin hypercubes, the first over the prior and
 * each next one inside the box of the points not ruled out so far. Every wave is an
 * experiment run with the experiment machinery (threads, shards, queue) into its own folder,
 * so a re-run reuses every finished run and continues where it stopped.
 */
export async function runCalibration(plan: CalibrationPlan, options: ExperimentOptions): Promise<CalibrationResult> {
  const started = Date.now();
  const cal = plan.calibration;
  const dir = path.resolve(options.out);
  prepareCalibrationFolder(dir, plan.hash, cal.name, options.out);
  const manifest = initialManifest(plan);
  // Outputs over all waves must not stand beside waves they do not cover.
  for (const f of CALIBRATION_OUTPUTS) fs.rmSync(path.join(dir, f), { force: true });
  writeCalibrationManifest(dir, manifest);

  const k = cal.parameters.length;
  const perPoint = cal.replications * (1 + cal.arms.length);
  const pointsPerWave = Math.floor(cal.runs / cal.waves / perPoint);
  const points: PointResult[] = [];
  let runs = 0;
  let ran = 0;
  let complete = true;
  for (let wave = 0; wave <= cal.waves; wave++) {
    let basis: CalibrationWave['basis'];
    let units: number[][];
    let box: UnitBox;
    if (wave === 0) {
      basis = 'defaults';
      units = [cal.parameters.map((p, j) => toUnit(p, plan.defaults[j]))];
      box = { low: units[0], high: units[0] };
    } else {
      ({ box, basis } = wave === 1 ? { box: priorBox(k), basis: 'prior' as const } : nextBox(points, k));
      units = wavePoints(pointsPerWave, box, cal.seed, wave);
    }
    const values = wave === 0 ? [plan.defaults.slice()] : units.map((u) => u.map((x, j) => fromUnit(cal.parameters[j], x)));
    const record: CalibrationWave = {
      wave,
      dir: waveDirName(wave),
      basis,
      low: box.low.map((x, j) => (wave === 0 ? plan.defaults[j] : fromUnit(cal.parameters[j], x))),
      high: box.high.map((x, j) => (wave === 0 ? plan.defaults[j] : fromUnit(cal.parameters[j], x))),
      points: values.length,
      runs: values.length * perPoint,
      plausible: null,
    };
    manifest.waveRecords.push(record);
    writeCalibrationManifest(dir, manifest);
    const waveDir = path.join(dir, record.dir);
    const result = await runExperiment(waveExperiment(plan, wave, values), { ...options, out: waveDir, agents: true, summarise: false });
    runs += result.runs;
    ran += result.ran;
    if (result.unfinished) {
      complete = false;
      break;
    }
    const measured = measureWave(plan, waveDir, wave, units, values);
    record.plausible = measured.filter((p) => p.plausible).length;
    points.push(...measured);
  }

  manifest.status = complete ? 'done' : 'incomplete';
  const posterior = points.filter((p) => p.wave > 0 && p.plausible);
  if (complete) {
    manifest.posteriorPoints = posterior.length;
    writeFileAtomic(path.join(dir, CALIBRATION_RUNS_FILE), runsCsv(plan, points));
    writeFileAtomic(path.join(dir, CALIBRATION_POSTERIOR_FILE), posteriorCsv(plan, posterior));
    writeFileAtomic(path.join(dir, CALIBRATION_REPORT_FILE), calibrationReport(plan, manifest, points));
  }
  manifest.wallSeconds = (Date.now() - started) / 1000;
  writeCalibrationManifest(dir, manifest);
  return { dir, name: cal.name, manifest, points, runs, ran, complete, wallSeconds: manifest.wallSeconds };
}
