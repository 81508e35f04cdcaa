/** A satisfiable byte range [start, end] (inclusive, as in HTTP), or why there is none. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * Parses a Range header for a file of `size` bytes (RFC 9110 §14). One range only: a
 * multi-range or malformed header is ignored (undefined: send the whole file), which the
 * RFC allows; a range starting past the end is 'unsatisfiable' (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}
