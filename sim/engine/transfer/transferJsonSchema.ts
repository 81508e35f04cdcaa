import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { transferSchema } from '../../../scenarios/schema/transfer.ts';

/** The JSON Schema of transfer experiment files, generated from the zod schema (the single source). */
export function transferJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(transferSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

export const TRANSFER_SCHEMA_FILE = fileURLToPath(new URL('../../../scenarios/transfer.schema.json', import.meta.url));
