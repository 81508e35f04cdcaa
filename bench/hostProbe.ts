import { performance } from 'node:perf_hooks';

/**
 * How fast the host is right now, by a fixed piece of work timed just before each run.
 *
 * On a shared machine other tenants can halve our speed, CPU time included, while the load
 * average inside ours stays near 1 and no steal time shows (seen on 2026-12-03: the same run
 * took 22 s and 49 s half an hour apart). The probe does the same work every time, so its
 * seconds move only with the host: runs whose probe took clearly longer than the fastest
 * probe of the benchmark ran on a slowed host, whatever the load average says.
 *
 * The work is like the model's: random reads and writes over 32 MB of typed array, more than
 * a core's cache, so a neighbour's use of the memory bus and cache shows as well as theirs of
 * the cores.
 */

const CELLS = 8 * 2 ** 20;
const UPDATES = 4 * 2 ** 20;
let cells: Int32Array | undefined;

/** Does the fixed work; returns a checksum of it, the same on every call. */
export function probeWork(): number {
  cells ??= new Int32Array(CELLS);
  cells.fill(0);
  let x = 2463534242;
  let sum = 0;
  for (let k = 0; k < UPDATES; k++) {
    // xorshift32: a fixed sequence of cells, spread over the whole array.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const i = (x >>> 0) & (CELLS - 1);
    cells[i] = (cells[i] + k) | 0;
    sum = (sum + cells[(i * 31) & (CELLS - 1)]) | 0;
  }
  return sum;
}

/** Seconds the fixed work takes now, to the millisecond. */
export function probeSeconds(): number {
  const start = performance.now();
  probeWork();
  return Math.round(performance.now() - start) / 1000;
}
