import os from 'node:os';
import { InputError } from '../engine/inputError.ts';
import { parseQueueAddress } from '../engine/distributed/queueAddress.ts';
import { intFlag, parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

/** Seconds a worker waits for its runs to be handed back when told to stop, before it leaves anyway. */
const STOP_SECONDS = 15;

export const workerSpec = {
  name: 'worker',
  args: '',
  summary: 'A queue worker: takes runs of experiments submitted with --queue and writes them into their experiment folders, until stopped.',
  details: 'Start any number, on any machine that reaches the Redis server (and, without --transfer, shares the experiment folder at the same path).',
  flags: {
    queue: { type: 'string', value: 'redis://HOST:PORT/N', help: 'the queue the experiment was submitted to (required)' },
    workers: { type: 'string', value: 'N', help: 'threads in all, shared by the runs this worker does at once (default: the cores)' },
    concurrency: { type: 'string', value: 'N', help: 'runs done at once (default: --workers)' },
    'lock-seconds': { type: 'string', value: 'S', help: 'how long a run stays claimed without a sign of life (default 30)' },
    idle: { type: 'string', value: 'S', help: 'stop after S seconds without a run (default: never)' },
  },
} as const satisfies CommandSpec;

/**
 * `icity worker --queue redis://...`: takes runs of experiments submitted with
 * `icity experiment --queue` and writes them into their experiment folders, until stopped
 * (Ctrl+C, SIGTERM) or, with --idle, after that many seconds without a run.
 */
export async function workerCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(workerSpec, argv);
  if (positionals.length)
    throw new InputError([
      `icity worker: takes no file, found ${JSON.stringify(positionals[0])} (usage: icity worker --queue redis://HOST:PORT/N [--workers N] [--concurrency N])`,
    ]);
  if (values.queue === undefined)
    throw new InputError(['icity worker: --queue is required, e.g. --queue redis://127.0.0.1:6379/0 (the address the experiment was submitted to)']);
  const address = parseQueueAddress(values.queue);
  const budget = intFlag('workers', values.workers, 1, 1024) ?? os.availableParallelism();
  const concurrency = intFlag('concurrency', values.concurrency, 1, 1024) ?? budget;
  const lockSeconds = intFlag('lock-seconds', values['lock-seconds'], 1, 86_400) ?? 30;
  const idleSeconds = intFlag('idle', values.idle, 1, 10_000_000);
  const threadsPerRun = Math.max(1, Math.floor(budget / concurrency));
  // Loaded here, not at the top: BullMQ and the Redis client cost every other command's start several tenths of a second.
  const { checkRedis } = await import('../engine/distributed/checkRedis.ts');
  const { startQueueWorker } = await import('../engine/distributed/queueWorker.ts');
  await checkRedis(address);

  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  log(
    `icity worker on ${os.hostname()} (pid ${process.pid}): taking runs from ${address.shown}, ${concurrency} at a time with ${threadsPerRun} thread${threadsPerRun > 1 ? 's' : ''} each${idleSeconds ? `, until ${idleSeconds} s pass without a run` : ''}`,
  );
  const worker = startQueueWorker(address, { concurrency, threadsPerRun, lockSeconds, idleSeconds, log });
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping; the runs in progress go back to the queue`);
    setTimeout(() => {
      log(`the queue did not answer within ${STOP_SECONDS} s; leaving (its runs return to the queue when their locks expire)`);
      process.exit(1);
    }, STOP_SECONDS * 1000).unref();
    void worker.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await worker.stopped;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  log('stopped');
}
