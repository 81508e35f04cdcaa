import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import type { RunRecord } from '../experiment/experimentFolder.ts';

/**
 * A run on the queue. The job carries everything a worker needs: the run's scenario (with its
 * seed), the experiment folder it belongs in (which every worker must see at the same path,
 * on a shared file system) and the hash that the folder's manifest must carry, so a worker
 * never writes into a folder that holds another experiment.
 */
export const QUEUE_NAME = 'icity-runs';

export interface RunJobData {
  experiment: string;
  experimentHash: string;
  /** The experiment folder, absolute. */
  dir: string;
  run: Pick<RunRecord, 'arm' | 'replication' | 'seed' | 'dir' | 'scenarioHash'>;
  scenario: Scenario;
  /** Also write the run's agents table (agents.csv) at the end. */
  agents?: boolean;
  /**
   * Send the finished run folder's files back through Redis (under resultKey) for the
   * submitter to write, instead of writing into `dir`: for machines without a shared file system.
   */
  transfer?: boolean;
}

export interface RunJobResult {
  host: string;
  pid: number;
  /** True when the run folder was already complete and nothing was run. */
  reused: boolean;
  wallSeconds: number;
}

/**
 * The job id of a run: from the experiment's hash, its folder, the arm and the replication,
 * so enqueueing the same run again (a re-run of the submitter, a second submitter) adds
 * nothing: BullMQ keeps one job per id.
 */
export function runJobId(experimentHash: string, dir: string, arm: string, replication: number): string {
  const where = createHash('sha256').update(dir).digest('hex').slice(0, 8);
  return `${experimentHash.slice(0, 16)}-${where}-${arm}-${replication}`;
}

/** Where a worker leaves a transferred run's files: a Redis hash of file name → bytes. */
export function resultKey(jobId: string): string {
  return `icity:result:${jobId}`;
}

/** How long transferred files wait in Redis for their submitter. */
export const RESULT_TTL_SECONDS = 7 * 24 * 3600;

/** Attempts per run before it counts as failed; a stalled run (its worker died) is not an attempt. */
export const ATTEMPTS = 3;

export const JOB_OPTIONS: JobsOptions = {
  attempts: ATTEMPTS,
  backoff: { type: 'fixed', delay: 5000 },
  // Kept for a day (finished) or a week (failed) so a submitter can read what happened.
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
