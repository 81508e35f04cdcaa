import { InputError } from '../inputError.ts';

/** Shard `index` (1-based) of `count`: a batch job's share of an experiment's runs. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads "--shard i/n". */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(count) || count < 1 || count > 100_000 || index < 1 || index > count) {
    throw new InputError([`--shard: found ${JSON.stringify(value)}; expected i/n with 1 ≤ i ≤ n, e.g. --shard 3/10 (shard 3 of 10)`]);
  }
  return { index, count };
}

/**
 * Whether run k (0-based, in the manifest's order: replication by replication, arms in
 * order) belongs to the shard. Runs are dealt round-robin, so every shard gets a mix of
 * arms and replications and the shards finish at about the same time; the partition depends
 * only on the run list, so every shard computes the same one.
 */
export function inShard(k: number, shard: Shard): boolean {
  return k % shard.count === shard.index - 1;
}
