import { z } from 'zod';
import { formatTag } from './formatTag.ts';

/**
 * manifest.json of a run folder: what was run, how, and what the outputs mean. Written by
 * sim/engine/runCity.ts, read by the viewer and by `icity summarise`. Fields not declared
 * here are allowed (a reader ignores what it does not know), so adding one is not a new
 * version; changing or removing one is.
 */
export const RUN_FORMAT = 'icity-run';
export const RUN_FORMAT_VERSION = 1;

export const columnSchema = z.looseObject({
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  /** 1: higher is better, -1: lower is better, 0: neither. */
  better: z.number().optional(),
});

export const calendarEventSchema = z.looseObject({
  day: z.number(),
  kind: z.string(),
  label: z.string(),
});

export const runManifestSchema = z.looseObject({
  ...formatTag(RUN_FORMAT, RUN_FORMAT_VERSION),
  package: z.looseObject({ name: z.string(), version: z.string() }),
  node: z.string(),
  scenarioName: z.string(),
  scenarioHash: z.string(),
  seed: z.number(),
  days: z.number().int().min(0),
  workers: z.number().int().min(1),
  wallSeconds: z.number(),
  residents: z.looseObject({ initial: z.number(), final: z.number() }),
  grid: z.looseObject({ width: z.number().int(), height: z.number().int(), districts: z.number().int(), spaces: z.number().int() }),
  groups: z.array(z.string()),
  /** File name to what it holds; the viewer looks for frames.json here. */
  files: z.record(z.string(), z.string()),
  columns: z.array(columnSchema),
  agentColumns: z
    .array(z.looseObject({ name: z.string() }))
    .readonly()
    .optional(),
  policies: z.array(z.string()),
  calendar: z.array(calendarEventSchema),
  /** The scenario after defaults, as run. */
  scenario: z.looseObject({
    population: z.looseObject({ groups: z.array(z.looseObject({ name: z.string(), share: z.number(), host: z.boolean() })) }),
    record: z.looseObject({ every: z.number().optional() }).optional(),
  }),
});

/** A run manifest as written (the writer's type) and as read. */
export type RunManifestFile = z.infer<typeof runManifestSchema>;
export type Column = z.infer<typeof columnSchema>;
export type CalendarEvent = z.infer<typeof calendarEventSchema>;
