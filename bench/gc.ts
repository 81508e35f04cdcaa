import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection between measurements, so one runner's garbage is not collected on
 * the next one's clock. `npm run bench` starts Node without --expose-gc, so the flag is turned
 * on here and the gc function taken from a fresh context.
 */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  collect();
}
