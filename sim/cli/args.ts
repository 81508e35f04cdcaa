import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../engine/inputError.ts';

/** Parses a command's flags strictly: an unknown or malformed flag is bad input (exit 2). */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError([`icity ${command}: ${(err as Error).message.replace(/\. To specify a positional argument.*$/, '')} (see icity help)`]);
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
