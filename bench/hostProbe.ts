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
 * The work has the three kinds of cost a run has, since a neighbour can slow one and not the
 * others: random reads and writes over 32 MB of typed array (more than a core's cache: the
 * memory bus and cache), integer hashing in registers (the cores), and short-lived objects
 * (allocation and the garbage collector). A memory-only probe read normal on 2026-12-03
 * while every run, flocc's included, took 2.5-3 times as long.
 */

const CELLS = 8 * 2 ** 20;
const UPDATES = 4 * 2 ** 20;
const HASHES = 24 * 2 ** 20;
const OBJECTS = 4 * 2 ** 20;
let cells: Int32Array | undefined;

/** Random reads and writes over an array larger than a core's cache. */
function memoryWork(): number {
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

/** Integer arithmetic that stays in registers: a chain of MurmurHash3 finalisers, as the random streams do. */
function computeWork(): number {
  let h = 1;
  for (let k = 0; k < HASHES; k++) {
    h ^= k;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h;
}

/** Short-lived small objects, most dropped at once and some kept a while, as a run's bookkeeping makes them. */
function allocationWork(): number {
  const kept: { k: number; next: unknown }[] = new Array(1024);
  let sum = 0;
  for (let k = 0; k < OBJECTS; k++) {
    const o = { k, next: kept[(k * 7) & 1023] };
    if ((k & 15) === 0) kept[k & 1023] = o;
    sum = (sum + (o.next === undefined ? 1 : 2)) | 0;
  }
  return sum;
}

/** Does the fixed work; returns a checksum of it, the same on every call. */
export function probeWork(): number {
  return (memoryWork() ^ computeWork() ^ allocationWork()) | 0;
}

/** Seconds the fixed work takes now, to the millisecond. */
export function probeSeconds(): number {
  const start = performance.now();
  probeWork();
  return Math.round(performance.now() - start) / 1000;
}
