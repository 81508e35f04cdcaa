import type { ThreadContext } from '../../model/context.ts';
import { PHASES } from '../../model/phases.ts';
import { Ctl, reportFailure, type Control } from './control.ts';

/**
 * Takes chunks of the current phase until none are left, then signs off. Run by the main
 * thread and by every helper run thread alike. Which thread takes which chunk varies from run to run;
 * the result does not, because phases draw randomness by index, not by thread.
 */
export function workOnPhase(ctx: ThreadContext, c: Control, threadName: string): void {
  const ctl = c.ctl;
  const phase = Atomics.load(ctl, Ctl.phase);
  const total = Atomics.load(ctl, Ctl.total);
  const day = Atomics.load(ctl, Ctl.day);
  const slot = Atomics.load(ctl, Ctl.slot);
  const size = Atomics.load(ctl, Ctl.chunkSize);
  const fn = PHASES[phase];
  try {
    for (;;) {
      const start = Atomics.add(ctl, Ctl.nextChunk, 1) * size;
      if (start >= total || Atomics.load(ctl, Ctl.failed)) break;
      fn(ctx, day, slot, start, Math.min(total, start + size));
    }
  } catch (err) {
    reportFailure(c, `${threadName}, day ${day}, phase ${fn?.name ?? phase}: ${err instanceof Error ? err.message : String(err)}`);
  }
  Atomics.add(ctl, Ctl.done, 1);
  Atomics.notify(ctl, Ctl.done);
}
