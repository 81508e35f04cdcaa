import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine } from './machine.ts';
import { selfByFile, summariseProfiles, topBySelf, topByTotal, type CpuProfile, type FunctionTime } from './cpuProfile.ts';
import { amdahlLines } from './amdahl.ts';
import { ROOT, runArguments, runOnce, type FullConfig, type FullSample } from './full/runConfiguration.ts';

/**
 * Where the time of a full-model run goes: runs the default city under `node --cpu-prof`
 * (every thread writes a profile) and writes bench/PROFILE.md with self and total time by
 * function.
 *   npx tsx bench/profile.ts [--residents 1000000] [--days 30] [--workers 1,2] [--top 15]
 */

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '30' },
    workers: { type: 'string', default: '1,2' },
    top: { type: 'string', default: '15' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'PROFILE.md') },
  },
});

const residents = Number(values.residents);
const days = Number(values.days);
const top = Number(values.top);
const workerCounts = values.workers.split(',').map(Number);
for (const [name, v] of [['residents', residents], ['days', days], ['top', top], ...workerCounts.map((w) => ['workers', w] as const)] as const) {
  if (!Number.isInteger(v) || v < 1) {
    process.stderr.write(`bench/profile: --${name}: found ${JSON.stringify(v)}; expected a whole number of at least 1\n`);
    process.exit(2);
  }
}

const machine = describeMachine();
const pct = (ms: number, total: number) => `${((100 * ms) / total).toFixed(1)}%`;
const s = (ms: number) => (ms / 1000).toFixed(2);
const where = (f: FunctionTime) => f.file;

function section(config: FullConfig, sample: FullSample, profiles: CpuProfile[]): string[] {
  const summary = summariseProfiles(profiles, ROOT);
  const lines = [
    `## ${config.residents.toLocaleString('en-US')} residents, ${config.days} days, ${config.workers} thread${config.workers > 1 ? 's' : ''}`,
    '',
    `\`icity run ${runArguments(config, '<tmp>').join(' ')}\` under \`node --cpu-prof\`: ${sample.commandSeconds.toFixed(1)} s wall, ` +
      `${s(summary.totalMs)} s busy and ${s(summary.idleMs)} s idle, sampled over ${profiles.length} threads ` +
      `(the main thread, ${config.workers > 1 ? `${config.workers - 1} worker thread${config.workers === 2 ? '' : 's'}, ` : ''}and Node's module-loader thread${profiles.length - config.workers > 1 ? 's' : ''}; times add up across threads). ` +
      'Shares are of the busy time. Profiling slows the run a little.',
    '',
    `Self time (the function itself, not what it calls), top ${top}:`,
    '',
    '| function | where | self s | share |',
    '| --- | --- | ---: | ---: |',
    ...topBySelf(summary, top).map((f) => `| \`${f.name}\` | ${where(f)} | ${s(f.selfMs)} | ${pct(f.selfMs, summary.totalMs)} |`),
    '',
    `Total time (with what it calls) of the engine's and the model's functions, top ${top}:`,
    '',
    '| function | where | total s | share |',
    '| --- | --- | ---: | ---: |',
    ...topByTotal(summary, top, ['sim/model/', 'sim/engine/']).map(
      (f) => `| \`${f.name}\` | ${where(f)} | ${s(f.totalMs)} | ${pct(f.totalMs, summary.totalMs)} |`,
    ),
    '',
    'Self time by file (V8\'s own entries and Node\'s files together as "other"):',
    '',
    '| file | self s | share |',
    '| --- | ---: | ---: |',
    ...selfByFile(summary, top).map(([file, ms]) => `| ${file} | ${s(ms)} | ${pct(ms, summary.totalMs)} |`),
    '',
    ...(config.workers === 1 ? amdahlLines(summary, config.days) : []),
  ];
  return lines;
}

const out: string[] = [
  '# Where the time goes',
  '',
  `Written by \`npx tsx bench/profile.ts --residents ${residents} --days ${days} --workers ${values.workers}\` on ${machine.date.slice(0, 10)}: ` +
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' / ')} at start. ` +
    'The default scenario, frames on, as `icity run` runs it. `(garbage collector)` and `(program)` (V8 and Node outside ' +
    "JavaScript) are V8's own entries. With worker threads, waiting at the barrier (`Atomics.wait`) is busy time of the " +
    "function that waits (`run` on the main thread, the worker loop in worker.ts). Functions in node: files are Node's " +
    '(mostly loading the TypeScript sources).',
  '',
];
for (const workers of workerCounts) {
  const config: FullConfig = { residents, days, workers, frames: true, repeats: 1 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-profile-'));
  try {
    process.stderr.write(`profiling ${residents} residents, ${days} days, ${workers} thread(s)\n`);
    // From the sources, so that every function is named with its own file rather than a
    // chunk of the prebuilt bundle; loading then costs what tsx costs (about a second more).
    process.env.ICITY_LOADER = 'sources';
    const sample = runOnce(config, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error('node --cpu-prof wrote no profile');
    const profiles = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
    out.push(...section(config, sample, profiles));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
fs.writeFileSync(values.out, out.join('\n'));
process.stderr.write(`wrote ${path.relative(process.cwd(), values.out)}\n`);
