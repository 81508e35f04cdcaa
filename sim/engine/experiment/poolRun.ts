import { parentPort } from 'node:worker_threads';
import { runCity } from '../runCity.ts';
import { parallelFor } from '../parallel/parallelFor.ts';
import type { PoolMessage, RunReply } from './poolMessages.ts';
import { SpareMemory } from '../../model/spareMemory.ts';

// The runs of an experiment in a pool thread, one after another (poolMessages.ts); with
// threads > 1 a run starts its own run threads, which share the run's memory like
// `icity run --workers`. Each run takes the arrays of the one before (spareMemory.ts).
const port = parentPort!;
const spareMemory = new SpareMemory();
port.on('message', (task: PoolMessage) => {
  if (task === null) {
    port.close();
    return;
  }
  let reply: RunReply;
  try {
    const summary = runCity(task.scenario, { out: task.out, threads: task.threads, agents: task.agents, progress: false, parallel: parallelFor, spareMemory });
    reply = { ok: true, summary };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
