import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { experimentSchema } from '../../../scenarios/schema/experiment.ts';

/** The JSON Schema of experiment files, generated from the zod schema (the single source). */
export function experimentJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

export const EXPERIMENT_SCHEMA_FILE = fileURLToPath(new URL('../../../scenarios/experiment.schema.json', import.meta.url));
