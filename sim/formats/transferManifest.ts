import { z } from 'zod';
import { formatTag } from './formatTag.ts';

/**
 * manifest.json of a transfer experiment's folder: the practices, the cities with their
 * adapted arms, the catalogue entries the practices name, and the metrics. Written by
 * sim/engine/transfer, read by `icity summarise` and by the viewer's catalogue. Fields not
 * declared here are allowed, so adding one is not a new version.
 */
export const TRANSFER_FORMAT = 'icity-transfer';
export const TRANSFER_FORMAT_VERSION = 1;

const cataloguePracticeSchema = z.looseObject({
  title: z.string(),
  city: z.string(),
  speaker: z.string(),
  quote: z.string(),
  evidence: z.string(),
  mechanism: z.string(),
  modelSources: z.string(),
  sources: z.array(z.string()),
});

export const transferManifestSchema = z.looseObject({
  ...formatTag(TRANSFER_FORMAT, TRANSFER_FORMAT_VERSION),
  name: z.string(),
  description: z.string(),
  days: z.number().int().min(1),
  replications: z.number().int().min(1),
  reportDays: z.array(z.number()).min(1),
  metricInfo: z.array(z.looseObject({ name: z.string(), unit: z.string(), better: z.number(), description: z.string() })),
  practices: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string(),
      catalogue: z.string().optional(),
      metric: z.string(),
      variants: z.array(z.looseObject({ name: z.string(), description: z.string() })),
    }),
  ),
  cities: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string(),
      dir: z.string(),
      arms: z.array(z.looseObject({ arm: z.string(), practice: z.string(), variant: z.string(), notes: z.array(z.string()) })),
      skipped: z.array(z.looseObject({ practice: z.string(), variant: z.string(), why: z.string() })),
    }),
  ),
  catalogue: z.record(z.string(), cataloguePracticeSchema),
});

export type TransferManifestFile = z.infer<typeof transferManifestSchema>;
export type CataloguePractice = z.infer<typeof cataloguePracticeSchema>;
