import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './inputError.ts';

/** Input files larger than this are refused before parsing (a scenario is a few kB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Deeper nesting than this is refused: scenario files nest a few levels, and deep input would overflow the stack of the code that walks it. */
export const MAX_INPUT_DEPTH = 64;

/**
 * Reads a JSON object from a file with clear errors: missing, not a regular file (a FIFO or
 * a device would block or never end), too large, not UTF-8, empty, not JSON, nested past
 * MAX_INPUT_DEPTH, or not an object at the top level. Every kind of input file is read here.
 */
export function readJsonFile(file: string): unknown {
  const value = parseJsonText(file, readBounded(file));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError([`${file}: the file holds ${describeTop(value)}; expected a JSON object ({ ... }) at the top level`]);
  }
  return value;
}

function describeTop(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list ([ ... ])';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

/** The bytes of a regular file, reading no more than MAX_INPUT_BYTES + 1 whatever its stat says. */
function readBounded(file: string): Buffer {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError([`${file}: is a folder, expected a JSON file`]);
    if (!stat.isFile()) throw new InputError([`${file}: is not a regular file (a pipe, socket or device); save the JSON in a file and name that`]);
    if (stat.size > MAX_INPUT_BYTES) throw new InputError([`${file}: ${stat.size} bytes; input files may be at most ${MAX_INPUT_BYTES} bytes`]);
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const buf = Buffer.alloc(Math.min(MAX_INPUT_BYTES + 1, stat.size + 1));
    let used = 0;
    for (;;) {
      if (used === buf.length) break;
      const n = fs.readSync(fd, buf, used, buf.length - used, null);
      if (n === 0) break;
      used += n;
    }
    if (used > MAX_INPUT_BYTES) throw new InputError([`${file}: more than ${MAX_INPUT_BYTES} bytes; input files may be at most ${MAX_INPUT_BYTES} bytes`]);
    return buf.subarray(0, used);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(err))})`]);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The first place nested deeper than `max`, walked without recursion; undefined when none is. */
function tooDeep(value: unknown, max: number): string | undefined {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path || '(top)';
    for (const [k, child] of Object.entries(v))
      stack.push({ v: child, depth: depth + 1, path: Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k });
  }
  return undefined;
}

export function parseJsonText(file: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError([`${file}: is not UTF-8 text; save it as UTF-8 JSON`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError([`${file}: is empty; expected a JSON object`]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    throw new InputError([`${file}: is not valid JSON${where} (${msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '')})`]);
  }
  const deep = tooDeep(value, MAX_INPUT_DEPTH);
  if (deep !== undefined) {
    const shown = deep.length > 60 ? `${deep.slice(0, 60)}...` : deep;
    throw new InputError([
      `${file}: ${shown}: nested more than ${MAX_INPUT_DEPTH} levels deep; input files nest a few levels, so this is not a scenario or experiment`,
    ]);
  }
  return value;
}

/**
 * A JSON file that another file names by a path relative to itself (an experiment's or a
 * calibration's `scenario`); its problems are reported at that field of the naming file.
 */
export function readReferencedJson(file: string, relative: string, field: string): { path: string; raw: unknown } {
  const target = path.resolve(path.dirname(file), relative);
  try {
    return { path: target, raw: readJsonFile(target) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => `${file}: ${field}: ${p}`));
  }
}
