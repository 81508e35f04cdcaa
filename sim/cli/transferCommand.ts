import path from 'node:path';
import { readJsonFile } from '../engine/readJson.ts';
import { loadTransfer } from '../engine/transfer/loadTransfer.ts';
import { runTransfer, type TransferResult } from '../engine/transfer/runTransfer.ts';
import { effectWords, verdict } from '../engine/transfer/transferWording.ts';
import type { QueueAddress } from '../engine/distributed/queueAddress.ts';
import { openQueue } from '../engine/distributed/openQueue.ts';
import type { Shard } from '../engine/experiment/shard.ts';

/** Whether a file is a transfer experiment (its "kind" says so). */
export function isTransferFile(file: string): boolean {
  const raw = readJsonFile(file);
  return raw !== null && typeof raw === 'object' && (raw as { kind?: unknown }).kind === 'transfer';
}

export interface TransferFlags {
  replications?: number;
  workers?: number;
  out?: string;
  json?: boolean;
  shard?: Shard;
  queue?: QueueAddress;
  transfer?: boolean;
}

/** `icity experiment <transfer.json>`: every city's experiment, then the transfer outputs. */
export async function transferCommand(file: string, flags: TransferFlags): Promise<void> {
  const plan = loadTransfer(file, { replications: flags.replications });
  const out = flags.out ?? path.join('experiments', plan.transfer.name);
  const log = (line: string) => process.stderr.write(`icity experiment: ${line}\n`);
  const executor = flags.queue ? await openQueue(flags.queue, { log, transfer: flags.transfer }) : undefined;
  const result = await runTransfer(plan, { out, workers: flags.workers, shard: flags.shard, executor, progress: !flags.json && Boolean(process.stderr.isTTY) });
  if (flags.json) process.stdout.write(JSON.stringify(jsonSummary(result)) + '\n');
  else process.stdout.write(describe(result));
  const failed = result.cities.flatMap((c) => c.result.failed.map((r) => `  ${c.name}/${r.dir}: ${r.error}`));
  if (failed.length)
    throw new Error(
      `${failed.length} run${failed.length > 1 ? 's' : ''} failed:\n${failed.join('\n')}\nRun the experiment again to retry them; finished runs are kept.`,
    );
}

function jsonSummary(r: TransferResult) {
  return {
    dir: r.dir,
    name: r.name,
    kind: 'transfer',
    wallSeconds: r.wallSeconds,
    cities: r.cities.map((c) => ({
      name: c.name,
      runs: c.result.runs,
      ran: c.result.ran,
      reused: c.result.reused,
      failed: c.result.failed.length,
      unfinished: c.result.unfinished,
    })),
    summarised: r.summary !== undefined,
    files: r.summary?.files ?? [],
    effects: r.summary?.rows.map((x) => ({ ...x, low: x.low ?? null, high: x.high ?? null, costPerUnit: x.costPerUnit ?? null })) ?? [],
  };
}

function describe(r: TransferResult): string {
  const runs = r.cities.reduce((s, c) => s + c.result.runs, 0);
  const ran = r.cities.reduce((s, c) => s + c.result.ran, 0);
  const lines = [
    `Transfer experiment ${r.name}: ${r.cities.length} cities, ${runs} runs (${ran} ran, ${runs - ran} reused or elsewhere) in ${r.wallSeconds.toFixed(1)} s.`,
    `Outputs: ${r.dir}`,
  ];
  if (!r.summary) {
    lines.push('Some runs are not finished yet (other shards or workers); run the experiment again, or `icity summarise` the folder once all are there.');
    return lines.join('\n') + '\n';
  }
  const m = r.summary.manifest;
  const last = m.reportDays[m.reportDays.length - 1];
  lines.push('');
  for (const p of m.practices) {
    const mine = r.summary.rows.filter((x) => x.practice === p.name && x.metric === p.metric && x.day === last);
    const label = new Map(m.cities.map((c) => [c.name, c.label]));
    const works = [...new Set(mine.filter((x) => verdict(x.metric, x) === 'works').map((x) => label.get(x.city)))];
    lines.push(
      `${p.label}: a clear improvement of ${p.metric} in ${works.length} of ${new Set(mine.map((x) => x.city)).size} cities${works.length ? ` (${works.join(', ')})` : ''}.`,
    );
    const first = mine[0];
    if (first) lines.push(`  e.g. in ${label.get(first.city)} (${first.variant}) it ${effectWords(first.metric, first)}.`);
  }
  lines.push('', "See report.md, transfer.csv and cities.csv in the output folder, and each city's experiment under cities/.");
  return lines.join('\n') + '\n';
}
