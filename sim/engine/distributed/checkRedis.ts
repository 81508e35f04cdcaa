import { Redis } from 'ioredis';
import type { QueueAddress } from './queueAddress.ts';
import { InputError } from '../inputError.ts';

function outOfRange(address: QueueAddress): InputError {
  return new InputError([
    `--queue ${address.shown}: the server has no database ${address.options.db ?? 0} (DB index is out of range); use a database number below the server's "databases" setting (16 by default)`,
  ]);
}

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
    // ioredis reports a failed SELECT as an event and carries on in database 0: ask again, and wait for the answer.
    await client.select(address.options.db ?? 0);
  } catch (err) {
    if (/DB index is out of range|invalid DB index/i.test((last ?? (err as Error)).message)) throw outOfRange(address);
    const why = (last ?? (err as Error)).message;
    throw new Error(`cannot reach Redis at ${address.shown} (${why}); is redis-server running there and reachable from this machine?`);
  } finally {
    client.disconnect();
  }
}
