import { parseArgs } from 'node:util';
import { InputError } from '../engine/inputError.ts';
import { closest } from '../engine/issues.ts';
import type { CommandSpec, FlagSpec } from './commandSpec.ts';

type Values<F extends Record<string, FlagSpec>> = {
  [K in keyof F]?: F[K]['type'] extends 'boolean' ? boolean : F[K]['multiple'] extends true ? string[] : string;
};

/**
 * Parses a command's flags strictly against its spec: an unknown flag (with the nearest
 * known one suggested), a flag without its value or a value given to a switch is bad
 * input (exit 2). A negative number after a flag is read as its value ("--seed -1"), so
 * the range check can say what is allowed.
 */
export function parseFlags<S extends CommandSpec>(spec: S, argv: string[]): { values: Values<S['flags']>; positionals: string[] } {
  const names = Object.keys(spec.flags);
  const args: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--') {
      args.push(...argv.slice(k));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const name = a.replace(/^--?/, '').split('=')[0];
      const flag = a.startsWith('--') ? spec.flags[name] : undefined;
      if (!flag) {
        const near = closest(name, names);
        throw new InputError([`icity ${spec.name}: unknown flag ${a.split('=')[0]}${near ? ` (did you mean --${near}?)` : ''}; see icity ${spec.name} --help`]);
      }
      if (flag.type === 'string' && !a.includes('=') && /^-\d/.test(argv[k + 1] ?? '')) {
        args.push(`${a}=${argv[++k]}`);
        continue;
      }
    }
    args.push(a);
  }
  const options = Object.fromEntries(Object.entries(spec.flags).map(([n, f]) => [n, f.multiple ? { type: f.type, multiple: true } : { type: f.type }]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values<S['flags']>, positionals };
  } catch (err) {
    const msg = (err as Error).message
      .replace(/\. To specify a positional argument.*$/, '')
      .replace(/^Option '(--[\w-]+)[^']*' argument missing$/, '$1: needs a value');
    throw new InputError([`icity ${spec.name}: ${msg}; see icity ${spec.name} --help`]);
  }
}

/** A flag that must be a whole number in a range. */
export function intFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError([`--${name}: found ${JSON.stringify(value)}; expected a whole number from ${min} to ${max}`]);
  }
  return n;
}
