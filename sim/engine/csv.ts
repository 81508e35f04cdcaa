/**
 * Numbers in CSV files: integers as they are, others rounded to 6 decimals with trailing
 * zeros dropped, so files are compact, stable across platforms and byte-comparable.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} to a CSV file`);
  if (Number.isInteger(x)) return String(x);
  const s = x.toFixed(6);
  const trimmed = s.replace(/\.?0+$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** A CSV field: quoted only when it must be (RFC 4180). */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return formatNumber(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\n';
}
