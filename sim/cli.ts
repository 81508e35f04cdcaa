import { InputError } from './engine/inputError.ts';
import { closest } from './engine/issues.ts';
import { runCommand, runSpec } from './cli/runCommand.ts';
import { validateCommand, validateSpec } from './cli/validateCommand.ts';
import { schemaCommand, schemaSpec } from './cli/schemaCommand.ts';
import { experimentCommand, experimentSpec } from './cli/experimentCommand.ts';
import { calibrateCommand, calibrateSpec } from './cli/calibrateCommand.ts';
import { summariseCommand, summariseSpec } from './cli/summariseCommand.ts';
import { viewCommand, viewSpec } from './cli/viewCommand.ts';
import { workerCommand, workerSpec } from './cli/workerCommand.ts';
import { commandHelp, type CommandSpec } from './cli/commandSpec.ts';
import { packageInfo } from './engine/packageInfo.ts';

/** Every command: its spec (flags and help) and what it does. */
const COMMANDS: { spec: CommandSpec; run(argv: string[]): void | Promise<void> }[] = [
  { spec: runSpec, run: runCommand },
  { spec: experimentSpec, run: experimentCommand },
  { spec: calibrateSpec, run: calibrateCommand },
  { spec: workerSpec, run: workerCommand },
  { spec: summariseSpec, run: summariseCommand },
  { spec: validateSpec, run: validateCommand },
  { spec: schemaSpec, run: schemaCommand },
  { spec: viewSpec, run: viewCommand },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    'icity: the Interethnic City simulation',
    '',
    'Usage: icity <command> [arguments] [flags]',
    '',
    'Commands:',
    ...COMMANDS.map(({ spec }) => `  ${spec.name.padEnd(width)}${spec.summary}`),
    `  ${'help'.padEnd(width)}icity help <command> (or icity <command> --help) shows a command's flags`,
    `  ${'version'.padEnd(width)}prints the version (also --version)`,
    '',
    'Exit codes: 0 done, 1 failed, 2 bad input (a file, field or flag).',
    'Documentation: docs/commands.md',
    '',
  ].join('\n');
}

function find(name: string) {
  const c = COMMANDS.find((x) => x.spec.name === name);
  if (c) return c;
  const near = closest(name, [...COMMANDS.map((x) => x.spec.name), 'help', 'version']);
  throw new InputError([
    `icity: unknown command "${name}"${near ? ` (did you mean "${near}"?)` : ''}; commands: ${COMMANDS.map((x) => x.spec.name).join(', ')}, help; see icity help`,
  ]);
}

/** Flags before a "--" that ask for help. */
function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** The icity command. Resolves to the exit code once the work is done. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      process.stderr.write(overview());
      return 2;
    }
    if (command === '--version' || command === 'version') {
      if (rest.length) throw new InputError([`icity ${command}: takes nothing more, found ${JSON.stringify(rest[0])}`]);
      process.stdout.write(`${packageInfo().version}\n`);
      return 0;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      if (rest.length > 1) throw new InputError([`icity help: expected at most one command, found ${rest.length}`]);
      process.stdout.write(rest.length ? commandHelp(find(rest[0]).spec) : overview());
      return 0;
    }
    const c = find(command);
    if (wantsHelp(rest)) {
      process.stdout.write(commandHelp(c.spec));
      return 0;
    }
    await c.run(rest);
    return 0;
  } catch (err) {
    return failed(command, err);
  }
}

function failed(command: string | undefined, err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(err.problems.join('\n') + '\n');
    return 2;
  }
  process.stderr.write(`icity ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.ICITY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
