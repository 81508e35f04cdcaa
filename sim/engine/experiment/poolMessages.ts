import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import type { RunSummary } from '../runCity.ts';

/**
 * The protocol between an experiment and the threads of its run pool. A pool thread loads the
 * run code once and then does runs one after another: each message it is sent is a run to do,
 * answered with exactly one reply; `null` tells it there are no more, and it ends.
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

/** What a pool thread is started with. */
export interface PoolThreadData {
  /** The module with the run code that the boot file loads (poolRun.ts, or its bundled or compiled form). */
  entry: string;
}

export type PoolMessage = RunTask | null;

/** `threadEnds`: the thread's run code could not load, so it ends after this reply. */
export type RunReply = { ok: true; summary: RunSummary } | { ok: false; error: string; threadEnds?: true };
