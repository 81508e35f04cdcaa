import { parseArgs } from 'node:util';
import type { SchellingParams } from './contract.ts';
import { peers } from './peers.ts';

/**
 * Quick side-by-side check of the peers at one grid size, both thresholds:
 *   npx tsx bench/schelling/sanity.ts --size 100 [--steps 20] [--seed 1] [--max-seconds 180] [--peer flocc]
 * Not the benchmark (bench/run.ts is): one run per cell, no repetitions.
 */

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100' },
    steps: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'max-seconds': { type: 'string' },
    peer: { type: 'string', multiple: true },
  },
});

const size = Number(values.size);
const chosen = values.peer ? peers.filter((p) => values.peer?.includes(p.name)) : peers;

// A short run first, so the measured run is not also paying for JIT compilation.
for (const peer of chosen) peer.run({ width: 100, height: 100, density: 0.9, threshold: 0.5, steps: 20, seed: 0 });

const rows: Record<string, string | number>[] = [];
for (const threshold of [0.3, 0.5]) {
  for (const peer of chosen) {
    (globalThis as { gc?: () => void }).gc?.();
    const params: SchellingParams = {
      width: size,
      height: size,
      density: 0.9,
      threshold,
      steps: Number(values.steps),
      seed: Number(values.seed),
      maxSeconds: values['max-seconds'] === undefined ? undefined : Number(values['max-seconds']),
    };
    const r = peer.run(params);
    rows.push({
      peer: `${peer.name} ${peer.version}`,
      threshold,
      residents: r.residents,
      'setup s': Number(r.setupSeconds.toFixed(4)),
      steps: r.stepsRun,
      's/step': Number((r.stepSeconds / r.stepsRun).toFixed(4)),
      'updates/s': Math.round(r.updatesPerSecond),
      moves: r.moves,
      '% similar': Number(r.percentSimilar.toFixed(2)),
      unhappy: Number(r.unhappyShare.toFixed(5)),
    });
  }
}
console.log(`Schelling ${size}x${size}, density 0.9, seed ${values.seed}`);
console.table(rows);
