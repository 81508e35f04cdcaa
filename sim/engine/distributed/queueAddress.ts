import type { RedisOptions } from 'ioredis';
import { InputError } from '../inputError.ts';

/** Where the queue is: Redis connection options, and the address as it may be shown (no password). */
export interface QueueAddress {
  options: RedisOptions;
  shown: string;
}

/**
 * Reads `--queue redis://[user:password@]host[:port][/db]` (or rediss:// for TLS). The
 * connection retries for ever (at most 2 s apart) and commands wait while it is down, so a
 * Redis restart or a network cut only pauses the submitter and the workers.
 */
export function parseQueueAddress(value: string): QueueAddress {
  const bad = (why: string) => new InputError([`--queue: found ${JSON.stringify(value)}; ${why} (e.g. --queue redis://127.0.0.1:6379/0)`]);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad('expected a redis:// address');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw bad(`expected redis:// or rediss://, not ${url.protocol}//`);
  if (!url.hostname) throw bad('the address names no host');
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !Number.isSafeInteger(db) || db > 1_000_000) throw bad(`the database after the port must be a number, found "${dbText}"`);
  if (url.search || url.hash) throw bad('the address takes no ?query or #fragment');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const options: RedisOptions = {
    host,
    port,
    db,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
    connectTimeout: 10_000,
  };
  return { options, shown: `${url.protocol}//${url.hostname}:${port}/${db}` };
}
