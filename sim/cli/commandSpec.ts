/**
 * A command of `icity`, declared once: its flags (with their help), its usage and what it
 * does. Parsing, `icity <command> --help`, `icity help <command>` and "did you mean" all
 * read this. To add a flag, add one entry to the command's `flags` in its *Command.ts file
 * and read it from `values` there.
 */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (e.g. --set). */
  multiple?: boolean;
  /** The value's placeholder in help, e.g. "N" or "DIR". */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** The positional arguments, as usage shows them, e.g. "<scenario.json>". */
  args: string;
  /** One line for the list of commands. */
  summary: string;
  /** More lines for the command's own help. */
  details?: string;
  flags: Record<string, FlagSpec>;
}

/** The help of one command: usage, what it does, and every flag. */
export function commandHelp(spec: CommandSpec): string {
  const flags = Object.entries(spec.flags).map(([name, f]) => [
    `--${name}${f.value ? ` ${f.value}` : ''}`,
    `${f.help}${f.multiple ? ' (may be repeated)' : ''}`,
  ]);
  flags.push(['--help, -h', 'show this help']);
  const width = Math.max(...flags.map(([k]) => k.length)) + 2;
  return [
    `Usage: icity ${spec.name}${spec.args ? ` ${spec.args}` : ''} [flags]`,
    '',
    spec.summary,
    ...(spec.details ? ['', spec.details.trim()] : []),
    '',
    'Flags:',
    ...flags.map(([k, h]) => `  ${k.padEnd(width)}${h}`),
    '',
    'Exit codes: 0 done, 1 failed, 2 bad input (a file, field or flag).',
    '',
  ].join('\n');
}
