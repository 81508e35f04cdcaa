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

/** A unit as a suffix: "%" follows the number (to one decimal: 78.1 %), others follow in words. */
export function withUnit(x: number, unit: string): string {
  return unit === '%' ? `${formatPercent(x)} %` : `${formatValue(x)} ${unit}`;
}

/** A value in percent, to one decimal: a readout of 78.1141 % claims more than anyone reads. */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? one(x) : '–';
}

/** A readout: percentages as "78.1 %", other values as formatValue writes them. */
export function formatReading(x: number, unit: string): string {
  return unit === '%' ? `${formatPercent(x)} %` : formatValue(x);
}

/** Money, short: 4.2 bn, 310 m, 12,500; whatever the currency of the scenario. */
export function formatMoney(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e9) return `${one(x / 1e9)} bn`;
  if (a >= 1e6) return `${one(x / 1e6)} m`;
  return big(x);
}

/** A label with its unit, for axes and headings: "prejudice_host (scale 0..1)". */
export function labelWithUnit(name: string, unit: string): string {
  return unit ? `${name} (${unit})` : name;
}
