import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import type { RunSummary } from '../runCity.ts';

/**
 * The protocol between an experiment and the threads of its run pool. A pool thread is
 * started for one run (worker-threads-pool starts a thread per task), gets its task in
 * workerData and answers with one message before it exits.
 */
export interface RunTask {
  scenario: Scenario;
  /** The run folder to write (absolute). */
  out: string;
  /** Run threads inside the run (runCity's `threads`). */
  threads: number;
  /** Also write agents.csv at the end of the run (runCity's `agents`). */
  agents?: boolean;
}

export interface PoolThreadData {
  /** The TypeScript module the boot file loads. */
  entry: string;
  task: RunTask;
}

export type RunReply = { ok: true; summary: RunSummary } | { ok: false; error: string };
