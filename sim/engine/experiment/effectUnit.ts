import { INDICATORS } from '../../model/indicators.ts';

/**
 * How an indicator is compared and costed. A count per day (incidents, encounters,
 * spending) is summed over a window: one day's count says little. A cost per unit is per
 * percentage point for a share, per 0.01 for an index or scale from 0 to 1, and per item
 * for a count.
 */
export interface EffectUnit {
  /** The indicator is a count per day, reported as a total over a window. */
  count: boolean;
  /** What one unit of effect is, in words. */
  unit: string;
  /** The size of one unit in the indicator's own terms. */
  size: number;
}

export function effectUnit(metric: string): EffectUnit {
  const unit = INDICATORS.find((i) => i.name === metric)?.unit ?? '';
  const perDay = /^(.*) per day$/.exec(unit);
  if (perDay) return { count: true, unit: perDay[1].replace(/s$/, ''), size: 1 };
  if (unit === 'share') return { count: false, unit: 'percentage point', size: 0.01 };
  if (/0\.\.1/.test(unit)) return { count: false, unit: '0.01 of the scale', size: 0.01 };
  return { count: false, unit: unit.replace(/s$/, '') || 'unit', size: 1 };
}

/** How a count's window runs up to each report day. */
export type ReportWindow = 'since-previous' | 'cumulative' | number;

/** The first day a total at `day` counts: after the previous report day, from day 1, or the last N days. */
export function windowStart(window: ReportWindow, reportDays: readonly number[], k: number): number {
  const day = reportDays[k];
  if (window === 'cumulative') return Math.min(1, day);
  if (typeof window === 'number') return Math.max(Math.min(1, day), day - window + 1);
  return k === 0 ? Math.min(1, day) : reportDays[k - 1] + 1;
}
