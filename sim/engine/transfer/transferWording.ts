import { INDICATORS } from '../../model/indicators.ts';
import { clear, direction, isShare } from './transferRows.ts';

/** Plain words for the effects of a transfer experiment, for policymakers. */

const INDICATOR = new Map(INDICATORS.map((i) => [i.name, i]));

/** Decimals that give two significant figures to the interval's half-width (and one to the effect). */
function decimals(effect: number, low?: number, high?: number): number {
  const sig = (digits: number, x: number) => (Math.abs(x) > 0 ? Math.min(6, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))))) : 0);
  const half = low === undefined || high === undefined ? 0 : (high - low) / 2;
  return Math.max(sig(2, half), sig(1, effect));
}

function fixed(x: number, k: number): string {
  const s = x.toFixed(k);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** An amount of an indicator: percentage points for shares, the indicator's own unit otherwise. */
export function amount(metric: string, x: number, k: number): string {
  return isShare(metric) ? `${fixed(x * 100, Math.max(0, k - 2))} percentage points` : fixed(x, k);
}

export function money(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** The indicator's description made into a phrase, e.g. "mean trust of migrants in institutions". */
export function describeMetric(metric: string): string {
  const d = INDICATOR.get(metric)?.description ?? metric;
  return d.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

export type Verdict = 'works' | 'harms' | 'unclear' | 'changes';

export function verdict(metric: string, r: { effect: number; low?: number; high?: number }): Verdict {
  if (!clear(r)) return 'unclear';
  const dir = direction(metric, r.effect);
  return dir > 0 ? 'works' : dir < 0 ? 'harms' : 'changes';
}

export const VERDICT_WORDS: Record<Verdict, string> = {
  works: 'a clear improvement',
  harms: 'a clear worsening',
  unclear: 'no clear effect',
  changes: 'a clear change',
};

/**
 * What a practice did to an indicator, e.g. "raised the mean trust of migrants in
 * institutions by 0.031 (95% CI 0.020 to 0.042), a clear improvement" or "had no clear
 * effect on ...: the change lies between −0.004 and 0.012, so it may be none".
 */
export function effectWords(metric: string, r: { effect: number; low?: number; high?: number }): string {
  const k = decimals(r.effect, r.low, r.high);
  const what = describeMetric(metric);
  const v = verdict(metric, r);
  if (r.effect === 0 && r.low === 0 && r.high === 0) return `left the ${what} unchanged in every replication`;
  if (r.low === undefined || r.high === undefined) return `changed the ${what} by ${amount(metric, r.effect, k)} in the one replication (no interval)`;
  if (v === 'unclear')
    return `had no clear effect on the ${what}: the change lies between ${amount(metric, r.low, k).replace(/ percentage points$/, '')} and ${amount(metric, r.high, k)}, so it may be none`;
  const up = r.effect > 0;
  const [low, high] = up ? [r.low, r.high] : [-r.high, -r.low];
  return `${up ? 'raised' : 'lowered'} the ${what} by ${amount(metric, Math.abs(r.effect), k)} (95% CI ${fixed(isShare(metric) ? low * 100 : low, isShare(metric) ? Math.max(0, k - 2) : k)} to ${amount(metric, high, k)}), ${VERDICT_WORDS[v]}`;
}
