import path from 'node:path';
import { InputError } from '../engine/inputError.ts';
import { loadExperiment } from '../engine/experiment/loadExperiment.ts';
import { runExperiment, type ExperimentResult } from '../engine/experiment/runExperiment.ts';
import { effectSentence } from '../engine/experiment/report.ts';
import { intFlag, parseFlags } from './args.ts';

export async function experimentCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags('experiment', argv, {
    reps: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new InputError([`icity experiment: expected one experiment file, found ${positionals.length} (usage: icity experiment <experiment.json> [flags])`]);
  const replications = intFlag('reps', values.reps, 1, 10_000);
  const workers = intFlag('workers', values.workers, 1, 1024);
  const plan = loadExperiment(positionals[0], { replications });
  const out = values.out ?? path.join('experiments', plan.experiment.name);
  const result = await runExperiment(plan, { out, workers, progress: !values.json && Boolean(process.stderr.isTTY) });
  if (values.json) process.stdout.write(JSON.stringify(jsonSummary(result)) + '\n');
  else process.stdout.write(describe(result));
  if (result.failed.length) {
    throw new Error(`${result.failed.length} run${result.failed.length > 1 ? 's' : ''} failed:\n${result.failed.map((r) => `  ${r.dir}: ${r.error}`).join('\n')}\nRun the experiment again to retry them; finished runs are kept.`);
  }
}

function jsonSummary(r: ExperimentResult) {
  return {
    dir: r.dir,
    name: r.name,
    runs: r.runs,
    ran: r.ran,
    reused: r.reused,
    failed: r.failed.map((f) => ({ dir: f.dir, error: f.error })),
    threads: r.threads,
    wallSeconds: r.wallSeconds,
    files: r.summary?.files ?? [],
    effects: (r.summary?.rows ?? [])
      .filter((row) => row.diff !== undefined)
      .map((row) => ({
        arm: row.arm,
        metric: row.metric,
        day: row.day,
        diff: row.diff,
        ciLow: row.diffLow ?? null,
        ciHigh: row.diffHigh ?? null,
        excludesZero: row.diffLow !== undefined && (row.diffLow > 0 || row.diffHigh! < 0),
        cost: row.cost,
        costPerUnit: row.costPerUnit ?? null,
      })),
  };
}

function describe(r: ExperimentResult): string {
  const arms = r.summary ? r.summary.manifest.arms.length : 0;
  const lines = [
    `Experiment ${r.name}: ${r.runs} runs (${r.ran} ran, ${r.reused} reused${r.failed.length ? `, ${r.failed.length} failed` : ''}) in ${r.wallSeconds.toFixed(1)} s${
      r.ran + r.failed.length ? `, ${r.threads.pool} at a time with ${r.threads.perRun} thread${r.threads.perRun > 1 ? 's' : ''} each` : ''
    }.`,
    `Outputs: ${r.dir}`,
  ];
  if (r.summary) {
    const m = r.summary.manifest;
    const last = m.reportDays[m.reportDays.length - 1];
    lines.push('');
    for (const arm of m.arms.slice(1)) {
      lines.push(`${arm.name} vs baseline (${m.seeds.length} replications, paired):`);
      for (const row of r.summary.rows.filter((x) => x.arm === arm.name && x.day === last)) lines.push(`  ${effectSentence(row, m.seeds.length)}`);
    }
    lines.push('', `${arms} arms; see report.md, summary.csv and series.csv in the output folder.`);
  }
  return lines.join('\n') + '\n';
}
