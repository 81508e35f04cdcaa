import path from 'node:path';
import { InputError } from '../engine/inputError.ts';
import { loadCalibration } from '../engine/calibration/loadCalibration.ts';
import { runCalibration, type CalibrationResult } from '../engine/calibration/runCalibration.ts';
import { parseShard } from '../engine/experiment/shard.ts';
import { parseQueueAddress } from '../engine/distributed/queueAddress.ts';
import { openQueue } from '../engine/distributed/openQueue.ts';
import { intFlag, parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

export const calibrateSpec = {
  name: 'calibrate',
  args: '<calibration.json>',
  summary: 'Calibrates parameters to published targets by history matching, and writes the parameter sets not ruled out.',
  details: `
Runs the uncalibrated defaults, then waves of Latin hypercubes over the parameters' prior
ranges, each wave inside the box of the points not yet ruled out (implausibility above the
cutoff). Default folder: calibrations/<name>/. A folder that holds the same calibration is
resumed: finished runs are reused and the waves continue where they stopped. With --shard,
each invocation does its share of the current wave; run every shard again once all have
finished a wave, to go on to the next. Outputs: runs.csv, posterior.csv, report.md, and
one experiment folder per wave (see docs/calibration.md).`,
  flags: {
    runs: { type: 'string', value: 'N', help: "budget: the most runs of all waves together (default: the file's)" },
    workers: { type: 'string', value: 'N', help: 'threads in all, shared by the parallel runs (default: the cores)' },
    out: { type: 'string', value: 'DIR', help: 'the calibration folder (default calibrations/<name>)' },
    json: { type: 'boolean', help: 'print a JSON summary on stdout, no progress bar' },
    shard: { type: 'string', value: 'i/n', help: "do only the i-th of n shares of each wave's runs (batch jobs on a shared folder)" },
    queue: { type: 'string', value: 'redis://HOST:PORT/N', help: 'put the runs on a Redis queue for icity workers, on any machine' },
    transfer: { type: 'boolean', help: 'with --queue: workers send the run folders back through Redis (no shared folder needed)' },
    'memory-limit': { type: 'string', value: 'MB', help: 'refuse calibrations estimated to need more memory (default 85% of this machine)' },
  },
} as const satisfies CommandSpec;

export async function calibrateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(calibrateSpec, argv);
  if (positionals.length !== 1)
    throw new InputError([
      `icity calibrate: expected one calibration file, found ${positionals.length} (usage: icity calibrate <calibration.json> [flags]; see icity calibrate --help)`,
    ]);
  const runs = intFlag('runs', values.runs, 1, 1_000_000);
  const workers = intFlag('workers', values.workers, 1, 1024);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const queue = values.queue === undefined ? undefined : parseQueueAddress(values.queue);
  if (shard && queue) throw new InputError(['icity calibrate: give --shard or --queue, not both']);
  if (values.transfer && !queue) throw new InputError(['--transfer: sends run folders back through a --queue; give --queue redis://HOST:PORT/N too']);
  if (queue && workers !== undefined)
    throw new InputError(['--workers: the runs of a --queue calibration are done by `icity worker`s, each with its own --workers; leave it out here']);
  const limitMb = intFlag('memory-limit', values['memory-limit'], 1, 1e9);
  const plan = loadCalibration(positionals[0], { runs });
  const out = values.out ?? path.join('calibrations', runs === undefined ? plan.calibration.name : `${plan.calibration.name}-${plan.hash.slice(0, 8)}`);
  const log = (line: string) => process.stderr.write(`icity calibrate: ${line}\n`);
  const executor = queue ? await openQueue(queue, { log, transfer: values.transfer }) : undefined;
  const result = await runCalibration(plan, {
    out,
    workers,
    shard,
    executor,
    memoryLimit: limitMb !== undefined ? limitMb * 1024 * 1024 : undefined,
    progress: !values.json && Boolean(process.stderr.isTTY),
  });
  if (values.json) process.stdout.write(JSON.stringify(jsonSummary(result)) + '\n');
  else process.stdout.write(describe(result));
}

function jsonSummary(r: CalibrationResult) {
  return {
    dir: r.dir,
    name: r.name,
    kind: 'calibration',
    complete: r.complete,
    runs: r.runs,
    ran: r.ran,
    wallSeconds: r.wallSeconds,
    waves: r.manifest.waveRecords,
    posteriorPoints: r.manifest.posteriorPoints,
  };
}

function describe(r: CalibrationResult): string {
  const m = r.manifest;
  const lines = [
    `Calibration ${r.name}: ${r.runs} runs (${r.ran} ran, ${r.runs - r.ran} reused or elsewhere) in ${r.wallSeconds.toFixed(1)} s.`,
    `Outputs: ${r.dir}`,
  ];
  if (!r.complete) {
    const w = m.waveRecords[m.waveRecords.length - 1];
    lines.push(
      `Wave ${w.wave === 0 ? '0 (the defaults)' : w.wave} is not finished yet (other shards or failed runs); run the calibration again once its runs are there, to go on.`,
    );
    return lines.join('\n') + '\n';
  }
  for (const w of m.waveRecords.slice(1)) lines.push(`  wave ${w.wave}: ${w.points} points, ${w.plausible} not ruled out`);
  lines.push(
    m.posteriorPoints
      ? `${m.posteriorPoints} parameter sets are not ruled out (posterior.csv); see report.md for the targets met and the parameters identified.`
      : 'No parameter set met every target; see report.md for which targets are missed.',
  );
  return lines.join('\n') + '\n';
}
