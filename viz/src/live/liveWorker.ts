/// <reference lib="webworker" />
import { LiveTown, scenarioHash } from './liveTown.ts';
import type { DayResult, Reply, Request } from './protocol.ts';

/**
 * The Web Worker of one live town. The page asks it to load a setup (and run silently to a
 * day), to advance to a day, or to make a change; each request gets one reply. Grids travel
 * as transferred buffers, so a frame costs one copy.
 */
let town: LiveTown | undefined;

const post = (reply: Reply, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
const buffers = (days: DayResult[]) => days.flatMap((d) => [d.values.buffer, ...(d.grid ? [d.grid.buffer] : []), ...(d.districts ? [d.districts.buffer] : [])]);

/** Advances to `to`, keeping every day's indicators and the maps asked for. */
function runTo(t: LiveTown, to: number, frames: 'last' | 'all'): DayResult[] {
  const out: DayResult[] = [];
  const end = Math.min(to, t.sim.scenario.days);
  while (t.day < end) {
    t.advance();
    out.push(t.result(frames === 'all' || t.day === end));
  }
  return out;
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  const started = performance.now();
  try {
    if (req.type === 'load') {
      town = new LiveTown(req.setup);
      const days = [town.result(true), ...runTo(town, req.to, 'last')];
      const info = town.info(await scenarioHash(town));
      post({ type: 'loaded', info, days, seconds: (performance.now() - started) / 1000 }, buffers(days));
    } else if (req.type === 'advance') {
      if (!town) throw new Error('no town loaded');
      const days = runTo(town, req.to, req.frames);
      post({ type: 'advanced', days, seconds: (performance.now() - started) / 1000 }, buffers(days));
    } else if (req.type === 'change') {
      if (!town) throw new Error('no town loaded');
      town.change(req.change);
      post({ type: 'changed', info: town.info(await scenarioHash(town)) });
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
