import { z } from 'zod';
import { INDICATORS } from '../../sim/model/indicators.ts';

/**
 * The catalogue of good practices (scenarios/catalogue/practices.json): each practice of the report
 * with its city, the speaker who presented it, what the report says of its results and the
 * sources. Its mechanism in the model is the policy's own (sim/policies/<type>.ts).
 */
const metricNames = INDICATORS.map((i) => i.name) as [string, ...string[]];

export const practiceEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .meta({ description: 'Short name of the practice.' }),
  policy: z.string().meta({ description: 'The policy type that models it (sim/policies/).' }),
  title: z.string().min(1).max(200),
  city: z.string().min(1).max(200).meta({ description: 'Where the practice comes from.' }),
  speaker: z.string().min(1).max(300).meta({ description: 'Who presented it at the roundtable.' }),
  quote: z.string().min(1).max(2000).meta({ description: 'What the speaker said, from the report.' }),
  evidence: z.string().min(1).max(2000).meta({ description: 'What the report says of its results, and how strong that evidence is.' }),
  metric: z.enum(metricNames).meta({ description: 'The indicator that says most directly whether it works.' }),
  sources: z.array(z.string().min(1).max(500)).min(1),
});

export const catalogueSchema = z.strictObject({
  $comment: z.string().optional(),
  practices: z.array(practiceEntrySchema).min(1),
});

export type PracticeEntry = z.infer<typeof practiceEntrySchema>;
