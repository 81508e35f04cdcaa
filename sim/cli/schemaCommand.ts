import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../policies/scenarioSchema.ts';
import { writeFileAtomic } from '../engine/runFolder.ts';
import { experimentJsonSchema, EXPERIMENT_SCHEMA_FILE } from '../engine/experiment/experimentJsonSchema.ts';
import { transferJsonSchema, TRANSFER_SCHEMA_FILE } from '../engine/transfer/transferJsonSchema.ts';
import { calibrationJsonSchema, CALIBRATION_SCHEMA_FILE } from '../engine/calibration/calibrationJsonSchema.ts';
import { InputError } from '../engine/inputError.ts';
import { parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

export const schemaSpec = {
  name: 'schema',
  args: '',
  summary: 'Prints the JSON Schema of scenario files.',
  flags: {
    write: { type: 'boolean', help: 'write it into scenarios/scenario.schema.json, and the schemas of experiment, transfer and calibration files beside it' },
  },
} as const satisfies CommandSpec;

/** The JSON Schema of scenario files, generated from the zod schema (the single source). */
export function scenarioJsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
}

export const SCHEMA_FILE = fileURLToPath(new URL('../../scenarios/scenario.schema.json', import.meta.url));

export function schemaCommand(argv: string[]): void {
  const { values, positionals } = parseFlags(schemaSpec, argv);
  if (positionals.length) throw new InputError([`icity schema: takes no file, found ${JSON.stringify(positionals[0])}; see icity schema --help`]);
  const write = values.write === true;
  const text = scenarioJsonSchema();
  if (write) {
    writeFileAtomic(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    writeFileAtomic(EXPERIMENT_SCHEMA_FILE, experimentJsonSchema());
    process.stdout.write(`wrote ${EXPERIMENT_SCHEMA_FILE}\n`);
    writeFileAtomic(TRANSFER_SCHEMA_FILE, transferJsonSchema());
    process.stdout.write(`wrote ${TRANSFER_SCHEMA_FILE}\n`);
    writeFileAtomic(CALIBRATION_SCHEMA_FILE, calibrationJsonSchema());
    process.stdout.write(`wrote ${CALIBRATION_SCHEMA_FILE}\n`);
  } else process.stdout.write(text);
}
