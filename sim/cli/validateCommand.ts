import { loadScenario } from '../engine/loadScenario.ts';
import { loadExperiment } from '../engine/experiment/loadExperiment.ts';
import { readJsonFile } from '../engine/readJson.ts';
import { InputError } from '../engine/inputError.ts';
import { loadTransfer } from '../engine/transfer/loadTransfer.ts';
import { loadCalibration } from '../engine/calibration/loadCalibration.ts';
import { parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

export const validateSpec = {
  name: 'validate',
  args: '<file.json> ...',
  summary: 'Checks scenario, experiment and calibration files: prints "ok", or one line per problem (file, field, value, what is allowed) and exits with 2.',
  flags: {},
} as const satisfies CommandSpec;

/** An experiment file names arms or a base scenario; anything else is read as a scenario. */
function isExperiment(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const o = raw as Record<string, unknown>;
  return 'arms' in o || typeof o.scenario === 'string' || String(o.$schema ?? '').includes('experiment.schema');
}

export function validateCommand(argv: string[]): void {
  const { positionals } = parseFlags(validateSpec, argv);
  if (positionals.length === 0) throw new InputError(['icity validate: expected one or more JSON files (usage: icity validate <file.json> ...)']);
  const problems: string[] = [];
  for (const file of positionals) {
    try {
      const raw = readJsonFile(file);
      const kind = (raw as { kind?: unknown } | null)?.kind;
      if (kind === 'transfer') loadTransfer(file);
      else if (kind === 'calibration') loadCalibration(file);
      else if (isExperiment(raw)) loadExperiment(file);
      else loadScenario(file);
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length) throw new InputError(problems);
  process.stdout.write('ok\n');
}
