/**
 * What the output formats cost: file sizes, wall time and peak memory of a short run written
 * as CSV, as CSV and Parquet, and with a panel of residents (Parquet or CSV), each run in a
 * process of its own and repeated; prints medians as a Markdown table.
 *   npx tsx bench/parquetOutputs.ts [--residents 1000000] [--days 4] [--every 2] [--runs 3] [--workers 2]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { median } from './median.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./full/child.mjs', import.meta.url));

const { values } = parseArgs({
  options: { residents: { type: 'string' }, days: { type: 'string' }, every: { type: 'string' }, runs: { type: 'string' }, workers: { type: 'string' } },
});
const residents = Number(values.residents ?? 1_000_000);
const days = Number(values.days ?? 4);
const every = Number(values.every ?? 2);
const runs = Number(values.runs ?? 3);
const workers = Number(values.workers ?? 2);

const CONFIGS: { label: string; flags: string[] }[] = [
  { label: 'CSV tables', flags: ['--format', 'csv'] },
  { label: 'CSV and Parquet tables (default)', flags: ['--format', 'both'] },
  { label: `Parquet, --agents and --agents-every ${every}`, flags: ['--format', 'parquet', '--agents', '--agents-every', String(every)] },
  { label: `CSV, --agents and --agents-every ${every}`, flags: ['--format', 'csv', '--agents', '--agents-every', String(every)] },
];

interface Sample {
  seconds: number;
  runSeconds: number;
  rssMb: number;
  sizes: Record<string, number>;
}

function runOnce(flags: string[]): Sample {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-bench-formats-'));
  const out = path.join(scratch, 'run');
  try {
    const args = [
      'scenarios/default.json',
      '--set',
      `population.residents=${residents}`,
      '--set',
      'record.frames=false',
      '--days',
      String(days),
      '--workers',
      String(workers),
      '--out',
      out,
      ...flags,
    ];
    const start = performance.now();
    const r = spawnSync(process.execPath, [CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const seconds = (performance.now() - start) / 1000;
    const lines = (r.stdout ?? '').trim().split('\n');
    if (r.status !== 0 || lines.length < 2) throw new Error(`run ${flags.join(' ')} failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').slice(0, 2000)}`);
    const summary = JSON.parse(lines[lines.length - 2]) as { wallSeconds: number };
    const usage = JSON.parse(lines[lines.length - 1]) as { maxRssBytes: number };
    const sizes = Object.fromEntries(
      fs
        .readdirSync(out)
        .filter((f) => f !== 'manifest.json')
        .map((f) => [f, fs.statSync(path.join(out, f)).size]),
    );
    return { seconds, runSeconds: summary.wallSeconds, rssMb: usage.maxRssBytes / 1e6, sizes };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (const c of CONFIGS) {
  const samples = Array.from({ length: runs }, () => runOnce(c.flags));
  const sizes = Object.entries(samples[0].sizes)
    .sort()
    .map(([f, b]) => `${f} ${(b / 1e6).toFixed(b < 1e5 ? 3 : 1)} MB`)
    .join(', ');
  rows.push(
    `| ${c.label} | ${runs} | ${median(samples.map((s) => s.seconds)).toFixed(1)} | ${median(samples.map((s) => s.runSeconds)).toFixed(1)} | ${median(samples.map((s) => s.rssMb)).toFixed(0)} | ${sizes} |`,
  );
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
process.stdout.write(
  [
    `${residents.toLocaleString('en-US')} residents, ${days} days, ${workers} threads, no frames; medians of ${runs} runs, each in its own process (${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the end).`,
    '',
    '| outputs | runs | wall s | inside icity s | peak RSS MB | files |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n'),
);
