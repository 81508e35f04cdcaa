import { format } from 'd3';

const whole = format(',');
const big = format(',.0f');
const one = format('.1f');
const four = format('.4f');

/**
 * A number as the page shows it: whole numbers with thousands separators, others with four
 * decimals (one above 100, none above 1000), so readouts stay short but differences in the
 * third decimal of an index still show.
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return whole(x);
  const a = Math.abs(x);
  if (a >= 1000) return big(x);
  if (a >= 100) return one(x);
  return four(x);
}

/** A unit as a suffix: "%" sticks to the number, others follow in words. */
export function withUnit(x: number, unit: string): string {
  return unit === '%' ? `${formatValue(x)} %` : `${formatValue(x)} ${unit}`;
}

/** A label with its unit, for axes and headings: "prejudice_host (scale 0..1)". */
export function labelWithUnit(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}
