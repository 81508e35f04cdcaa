import { Redis } from 'ioredis';
import type { QueueAddress } from './queueAddress.ts';

/**
 * Fails fast, with the reason, when Redis cannot be reached at the start: later losses of the
 * connection are waited out, but a wrong address should not make a command hang silently.
 */
export async function checkRedis(address: QueueAddress, timeoutMs = 10_000): Promise<void> {
  const client = new Redis({ ...address.options, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  let last: Error | undefined;
  client.on('error', (err: Error) => (last = err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const why = (last ?? (err as Error)).message;
    throw new Error(`cannot reach Redis at ${address.shown} (${why}); is redis-server running there and reachable from this machine?`);
  } finally {
    client.disconnect();
  }
}
