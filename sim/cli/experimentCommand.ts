import path from 'node:path';
import { InputError } from '../engine/inputError.ts';
import { loadExperiment } from '../engine/experiment/loadExperiment.ts';
import { runExperiment, type ExperimentResult } from '../engine/experiment/runExperiment.ts';
import { effectSentence } from '../engine/experiment/report.ts';
import { parseShard, type Shard } from '../engine/experiment/shard.ts';
import { parseQueueAddress } from '../engine/distributed/queueAddress.ts';
import { openQueue } from '../engine/distributed/openQueue.ts';
import { designLines } from './designLines.ts';
import { intFlag, parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

export const experimentSpec = {
  name: 'experiment',
  args: '<experiment.json>',
  summary: 'Runs a baseline and policy arms with replications, and reports effects with 95% CIs and costs.',
  details: `
Default folder: experiments/<name>/ (experiments/<name>-<hash>/ with --set or --days, so a
shrunk experiment never meets the full one). A folder that holds the same experiment is
resumed: finished runs are reused, damaged or missing ones are run again. A folder that
holds another experiment, or other files, is refused with exit 2. With fewer --reps than
the folder already holds, the command refuses rather than shrink the results.
"Parallel runs": the runs done at once, each with its own threads; --workers is the total
number of threads, split between parallel runs and threads per run. An "icity worker" is
the separate queue process (see icity worker --help).`,
  flags: {
    reps: { type: 'string', value: 'N', help: "replications per arm, 2 or more for intervals (default: the file's, else 10)" },
    workers: { type: 'string', value: 'N', help: 'threads in all, shared by the parallel runs (default: the cores)' },
    out: { type: 'string', value: 'DIR', help: 'the experiment folder (default experiments/<name>)' },
    set: {
      type: 'string',
      multiple: true,
      value: 'path=value',
      help: 'override a field of the base scenario in every arm, e.g. --set population.residents=5000',
    },
    days: { type: 'string', value: 'N', help: "days every run lasts, 1 to 36500 (default: the file's)" },
    json: { type: 'boolean', help: 'print a JSON summary on stdout, no progress bar' },
    shard: { type: 'string', value: 'i/n', help: 'do only the i-th of n shares of the runs (batch jobs on a shared folder)' },
    queue: { type: 'string', value: 'redis://HOST:PORT/N', help: 'put the runs on a Redis queue for icity workers, on any machine' },
    transfer: { type: 'boolean', help: 'with --queue: workers send the run folders back through Redis (no shared folder needed)' },
    'memory-limit': { type: 'string', value: 'MB', help: 'refuse experiments estimated to need more memory (default 85% of this machine)' },
  },
} as const satisfies CommandSpec;
import { isTransferFile, transferCommand } from './transferCommand.ts';

export async function experimentCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(experimentSpec, argv);
  if (positionals.length !== 1)
    throw new InputError([
      `icity experiment: expected one experiment file, found ${positionals.length} (usage: icity experiment <experiment.json> [flags]; see icity experiment --help)`,
    ]);
  const replications = intFlag('reps', values.reps, 1, 10_000);
  const workers = intFlag('workers', values.workers, 1, 1024);
  const days = intFlag('days', values.days, 1, 36_500);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const queue = values.queue === undefined ? undefined : parseQueueAddress(values.queue);
  if (shard && queue)
    throw new InputError(['icity experiment: give --shard or --queue, not both (with a queue, start as many `icity worker`s as you like instead of shards)']);
  if (values.transfer && !queue) throw new InputError(['--transfer: sends run folders back through a --queue; give --queue redis://HOST:PORT/N too']);
  if (queue && workers !== undefined)
    throw new InputError(['--workers: the runs of a --queue experiment are done by `icity worker`s, each with its own --workers; leave it out here']);
  const sets = values.set ?? [];
  if (isTransferFile(positionals[0])) {
    if (sets.length || days !== undefined)
      throw new InputError([
        `icity experiment: --set and --days apply to experiment files; ${positionals[0]} is a transfer experiment, whose cities are set in the file`,
      ]);
    return transferCommand(positionals[0], { replications, workers, out: values.out, json: values.json, shard, queue, transfer: values.transfer });
  }
  const plan = loadExperiment(positionals[0], { replications, sets, days });
  const shrunk = sets.length > 0 || days !== undefined;
  const out = values.out ?? path.join('experiments', shrunk ? `${plan.experiment.name}-${plan.hash.slice(0, 8)}` : plan.experiment.name);
  const limitMb = intFlag('memory-limit', values['memory-limit'], 1, 1e9);
  const memoryLimit = limitMb !== undefined ? limitMb * 1024 * 1024 : undefined;
  if (plan.seeds.length < 2 && plan.arms.length > 1 && !plan.design) {
    process.stderr.write(
      `icity experiment: warning: ${plan.seeds.length} replication gives no confidence intervals, so no effect can be told from noise; use --reps 2 or more (10 is the default)\n`,
    );
  }
  const log = (line: string) => process.stderr.write(`icity experiment: ${line}\n`);
  const executor = queue ? await openQueue(queue, { log, transfer: values.transfer }) : undefined;
  const result = await runExperiment(plan, { out, workers, shard, executor, memoryLimit, progress: !values.json && Boolean(process.stderr.isTTY) });
  if (values.json) process.stdout.write(JSON.stringify(jsonSummary(result)) + '\n');
  else process.stdout.write(describe(result, { shard, queue: queue && `${queue.shown}${values.transfer ? ', their folders sent back through Redis' : ''}` }));
  if (result.failed.length) {
    throw new Error(
      `${result.failed.length} run${result.failed.length > 1 ? 's' : ''} failed:\n${result.failed.map((r) => `  ${r.dir}: ${r.error}`).join('\n')}\nRun the experiment again to retry them; finished runs are kept.`,
    );
  }
}

function jsonSummary(r: ExperimentResult) {
  return {
    dir: r.dir,
    name: r.name,
    runs: r.runs,
    ran: r.ran,
    reused: r.reused,
    unfinished: r.unfinished,
    summarised: r.summary !== undefined,
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
        measure: row.measure,
        fromDay: row.fromDay,
        excludesZero: row.diffLow !== undefined && (row.diffLow > 0 || row.diffHigh! < 0),
        cost: row.cost,
        costed: row.costed,
        currency: row.currency,
        costPerUnit: row.costPerUnit ?? null,
        costPerUnitLow: row.costPerUnitLow ?? null,
        costPerUnitHigh: row.costPerUnitHigh ?? null,
        costUnit: row.costUnit ?? null,
        // Over a posterior: where the effect lies over the parameter sets, and how much of its spread they make.
        ...(row.signShare === undefined
          ? {}
          : {
              signShare: row.signShare,
              posteriorLow: row.posteriorLow,
              posteriorHigh: row.posteriorHigh,
              parameterShare: row.parameterShare ?? null,
              sdParameter: row.diffSdParameter ?? null,
              sdStochastic: row.diffSdStochastic ?? null,
            }),
      })),
  };
}

function describe(r: ExperimentResult, mode: { shard?: Shard; queue?: string }): string {
  const arms = r.summary ? r.summary.manifest.arms.length : 0;
  const counts = `${r.ran} ran, ${r.reused} reused${r.failed.length ? `, ${r.failed.length} failed` : ''}`;
  const how = mode.queue
    ? `, by the workers of ${mode.queue}`
    : r.ran + r.failed.length
      ? `, ${r.threads.pool} at a time with ${r.threads.perRun} thread${r.threads.perRun > 1 ? 's' : ''} each`
      : '';
  const head = mode.shard
    ? `Experiment ${r.name}, shard ${mode.shard.index}/${mode.shard.count}: ${r.ran + r.reused + r.failed.length} of its ${r.runs} runs (${counts}) in ${r.wallSeconds.toFixed(1)} s${how}.`
    : `Experiment ${r.name}: ${r.runs} runs (${counts}) in ${r.wallSeconds.toFixed(1)} s${how}.`;
  const lines = [head, `Outputs: ${r.dir}`];
  if (!r.summary && mode.shard && !r.failed.length) {
    lines.push(
      `${r.unfinished} run${r.unfinished > 1 ? 's' : ''} of the experiment ${r.unfinished > 1 ? 'are' : 'is'} not finished yet (other shards); the last shard to finish writes the summary, or run \`icity summarise ${r.dir}\` once all are there.`,
    );
  }
  if (r.summary) {
    const m = r.summary.manifest;
    const last = m.reportDays[m.reportDays.length - 1];
    const points = new Set(m.design?.points.map((p) => p.arm));
    lines.push('');
    for (const arm of m.arms.slice(1).filter((a) => !points.has(a.name))) {
      lines.push(`${arm.name} vs baseline (${m.seeds.length} replications, paired):`);
      for (const row of r.summary.rows.filter((x) => x.arm === arm.name && x.day === last)) lines.push(`  ${effectSentence(row, m.seeds.length)}`);
    }
    if (m.design) lines.push(...designLines(r.dir, m));
    lines.push(
      '',
      `${arms} arms; see report.md, summary.csv and series.csv${m.design ? `, ${m.design.type === 'morris' ? 'points.csv and sensitivity.csv' : 'and points.csv'}` : ''} in the output folder.`,
    );
  }
  return lines.join('\n') + '\n';
}
