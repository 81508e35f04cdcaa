import { InputError } from './engine/inputError.ts';
import { runCommand } from './cli/runCommand.ts';
import { validateCommand } from './cli/validateCommand.ts';
import { schemaCommand } from './cli/schemaCommand.ts';
import { packageInfo } from './engine/packageInfo.ts';

const HELP = `icity: the Interethnic City simulation

Usage:
  icity run <scenario.json> [--seed N] [--days N] [--workers N] [--out DIR] [--agents]
            [--set path=value ...] [--json]
  icity validate <file.json> ...
  icity schema [--write]
  icity help | --version

run       simulates a scenario and writes its run folder (default runs/<name>-<seed>/)
validate  checks scenario files; prints "ok", or one line per problem and exits with 2
schema    prints the JSON Schema of scenario files (--write: into scenarios/scenario.schema.json)

Exit codes: 0 done, 1 failed, 2 bad input (a file, field or flag).
`;

/** The icity command. Returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        runCommand(rest);
        return 0;
      case 'validate':
        validateCommand(rest);
        return 0;
      case 'schema':
        schemaCommand(rest.includes('--write'));
        return 0;
      case '--version':
      case 'version':
        process.stdout.write(`${packageInfo().version}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return 0;
      default:
        throw new InputError([`icity: unknown command "${command}" (commands: run, validate, schema, help)`]);
    }
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(err.problems.join('\n') + '\n');
      return 2;
    }
    process.stderr.write(`icity ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.ICITY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
