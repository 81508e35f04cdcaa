import fs from 'node:fs';
import path from 'node:path';
import { packageInfo } from '../packageInfo.ts';
import { INDICATORS } from '../../model/indicators.ts';
import { runExperiment, type ExperimentOptions, type ExperimentResult } from '../experiment/runExperiment.ts';
import type { TransferPlan } from './loadTransfer.ts';
import { DEFAULT_VARIANT } from './loadTransfer.ts';
import { summariseTransfer, type TransferSummary } from './summariseTransfer.ts';
import {
  cityDirName,
  prepareTransferFolder,
  writeTransferManifest,
  TRANSFER_FILES,
  TRANSFER_FORMAT,
  TRANSFER_FORMAT_VERSION,
  type TransferManifest,
} from './transferFolder.ts';

export interface TransferResult {
  dir: string;
  name: string;
  cities: { name: string; result: ExperimentResult }[];
  wallSeconds: number;
  /** When every city finished: transfer.csv, cities.csv and report.md. */
  summary?: TransferSummary;
}

export function transferManifest(plan: TransferPlan): TransferManifest {
  const t = plan.transfer;
  const first = plan.cities[0].plan.experiment;
  return {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    package: packageInfo(),
    name: t.name,
    description: t.description,
    transferFile: plan.file,
    transferHash: plan.hash,
    days: t.days,
    replications: first.replications,
    seeds: first.seeds,
    metrics: first.metrics,
    metricInfo: first.metrics.map((name) => {
      const i = INDICATORS.find((x) => x.name === name)!;
      return { name, unit: i.unit, better: i.better, description: i.description };
    }),
    reportDays: first.reportDays,
    practices: t.practices.map((p) => ({
      name: p.name,
      label: p.label ?? (p.catalogue ? plan.catalogue[p.catalogue].title : p.name),
      catalogue: p.catalogue,
      metric: p.metric ?? (p.catalogue ? plan.catalogue[p.catalogue].metric : first.metrics[0]),
      variants: (p.variants ?? [{ name: DEFAULT_VARIANT }]).map((v) => ({
        name: v.name,
        description: 'description' in v ? (v.description ?? '') : 'The practice as adapted to each city.',
      })),
    })),
    cities: plan.cities.map((c) => ({
      name: c.city.name,
      label: c.label,
      dir: cityDirName(c.city.name),
      scenarioFile: c.city.scenario,
      keepPolicies: c.city.keepPolicies,
      residents: c.profile.residents,
      groups: c.profile.groups.length,
      arms: c.arms,
      skipped: c.skipped,
      profile: { districts: c.profile.districts, districtMigrants: c.profile.districtMigrants, districtHosts: c.profile.districtHosts },
    })),
    catalogue: plan.catalogue,
    wallSeconds: null,
    files: {
      'manifest.json': "This file: the transfer experiment after defaults, each city's arms and how each practice was adapted to it.",
      'cities/<city>/': 'One experiment folder per city (baseline and one arm per practice and variant), as `icity experiment` writes it.',
      'transfer.csv':
        "Per practice, city, variant, metric and report day: the paired effect with its 95% CI, the extra cost over the city's baseline, and the cost per unit of improvement (per percentage point for shares), empty when the interval includes zero.",
      'cities.csv': "Per city: residents and the baseline's characteristics at day 0 (migrant share, groups, segregation, language gap, employment gap).",
      'report.md': 'Per practice: where it works, where it does not, and the city characteristics beside each effect, in words.',
    },
  };
}

/**
 * Runs each city's experiment (baseline and one arm per practice and variant) into
 * cities/<city>/, reusing finished runs, with the experiment machinery's executors (threads,
 * a shard, a queue); then writes the transfer outputs once every city is summarised.
 */
export async function runTransfer(plan: TransferPlan, options: ExperimentOptions): Promise<TransferResult> {
  const started = Date.now();
  const dir = path.resolve(options.out);
  prepareTransferFolder(dir, plan.hash, plan.transfer.name, options.out);
  const manifest = transferManifest(plan);
  // Outputs over all cities must not stand beside runs they do not cover.
  for (const f of TRANSFER_FILES) fs.rmSync(path.join(dir, f), { force: true });
  writeTransferManifest(dir, manifest);
  const cities: TransferResult['cities'] = [];
  for (const c of plan.cities) {
    const result = await runExperiment(c.plan, { ...options, out: path.join(dir, cityDirName(c.city.name)) });
    cities.push({ name: c.city.name, result });
  }
  manifest.wallSeconds = (Date.now() - started) / 1000;
  writeTransferManifest(dir, manifest);
  const done = cities.every((c) => c.result.unfinished === 0);
  return { dir, name: plan.transfer.name, cities, wallSeconds: manifest.wallSeconds, summary: done ? summariseTransfer(dir) : undefined };
}
