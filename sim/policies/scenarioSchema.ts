import { scenarioSchemaWith } from '../../scenarios/schema/scenario.ts';
import { policyEntrySchema } from './registry.ts';

/** The full scenario schema: every field of the file, and each policy's own parameters. */
export const scenarioSchema = scenarioSchemaWith(policyEntrySchema);
