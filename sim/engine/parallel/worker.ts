import { workerData } from 'node:worker_threads';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { attach, type SharedDescription } from '../../model/shared.ts';
import { layoutWorld, type Sizes } from '../../model/world.ts';
import { threadContext } from '../../model/context.ts';
import { attachCensusBlocks } from '../../model/censusLayout.ts';
import { Ctl, STOP, fromBuffers } from './control.ts';
import { workOnPhase } from './chunks.ts';

/** What a helper run thread is given once, at start: the city's shared memory and the control block. */
export interface RunThreadInit {
  index: number;
  scenario: Scenario;
  sizes: Sizes;
  root: number;
  arrays: SharedDescription;
  ctl: SharedArrayBuffer;
  error: SharedArrayBuffer;
}

const init = workerData.init as RunThreadInit;
const world = layoutWorld(init.scenario, init.sizes, init.root, (name, kind) => attach(init.arrays, name, kind));
const ctx = threadContext(world);
ctx.census = attachCensusBlocks(world, init.arrays);
const control = fromBuffers(init.ctl, init.error);
const name = `run thread ${init.index}`;

let seen = 0;
for (;;) {
  Atomics.wait(control.ctl, Ctl.generation, seen);
  seen = Atomics.load(control.ctl, Ctl.generation);
  if (Atomics.load(control.ctl, Ctl.phase) === STOP) break;
  workOnPhase(ctx, control, name);
}
