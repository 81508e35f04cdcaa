import type { ThreadContext } from '../model/context.ts';
import { PHASES, type ParallelFor } from '../model/phases.ts';

/** Runs every phase on the calling thread. */
export class SerialFor implements ParallelFor {
  readonly threads = 1;
  constructor(private readonly ctx: ThreadContext) {}
  run(phase: number, total: number, day: number, slot: number): void {
    PHASES[phase](this.ctx, day, slot, 0, total);
  }
}
