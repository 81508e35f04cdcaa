import { z } from 'zod';

/**
 * The first two fields of every output file: which format it is and the version that wrote
 * it. A reader accepts any version up to its own; a newer file is refused with a clear
 * message (readers check these two before the rest, see `formatOf`).
 */
export function formatTag<F extends string>(format: F, version: number) {
  return {
    format: z.literal(format),
    formatVersion: z.number().int().min(1).max(version),
  };
}

/** The format name and version of a parsed file, without trusting anything else in it. */
export function formatOf(json: unknown): { format: unknown; formatVersion: unknown } {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  return { format: o.format, formatVersion: o.formatVersion };
}
