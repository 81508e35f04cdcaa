import type { RunExecutor } from '../experiment/runExperiment.ts';
import type { QueueAddress } from './queueAddress.ts';
import type { QueueExecutorOptions } from './queueExecutor.ts';

/**
 * Checks that the Redis server of `--queue` answers, then returns an executor that runs on its
 * queue. BullMQ and the Redis client are loaded here, only with `--queue`: loading them takes
 * several tenths of a second, which every other start of the command line would pay.
 */
export async function openQueue(address: QueueAddress, options: QueueExecutorOptions): Promise<RunExecutor> {
  await (await import('./checkRedis.ts')).checkRedis(address);
  return (await import('./queueExecutor.ts')).queueExecutor(address, options);
}
