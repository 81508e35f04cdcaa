import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { calibrationSchema } from '../../../scenarios/schema/calibration.ts';

/** The JSON Schema of calibration files, generated from the zod schema (the single source). */
export function calibrationJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(calibrationSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

export const CALIBRATION_SCHEMA_FILE = fileURLToPath(new URL('../../../scenarios/calibration.schema.json', import.meta.url));
