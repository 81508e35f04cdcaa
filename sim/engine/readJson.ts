import fs from 'node:fs';
import { InputError } from './inputError.ts';

/** Input files larger than this are refused before parsing (a scenario is a few kB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Reads a JSON file with clear errors: missing, too large, not UTF-8, empty, not JSON. */
export function readJsonFile(file: string): unknown {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError([`${file}: is a folder, expected a JSON file`]);
    if (stat.size > MAX_INPUT_BYTES) throw new InputError([`${file}: ${stat.size} bytes; input files may be at most ${MAX_INPUT_BYTES} bytes`]);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? String(err)})`]);
  }
  return parseJsonText(file, bytes);
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
  try {
    return JSON.parse(text);
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
}
