import { loadScenario } from '../engine/loadScenario.ts';
import { InputError } from '../engine/inputError.ts';
import { parseFlags } from './args.ts';

export function validateCommand(argv: string[]): void {
  const { positionals } = parseFlags('validate', argv, {});
  if (positionals.length === 0) throw new InputError(['icity validate: expected one or more JSON files (usage: icity validate <file.json> ...)']);
  const problems: string[] = [];
  for (const file of positionals) {
    try {
      loadScenario(file);
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length) throw new InputError(problems);
  process.stdout.write('ok\n');
}
