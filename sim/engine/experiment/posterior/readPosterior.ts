import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { InputError } from '../../inputError.ts';
import { MAX_INPUT_BYTES } from '../../readJson.ts';

/** The weight column of posterior.csv; every column before it is a parameter. */
export const WEIGHT_COLUMN = 'weight';

const PATH = /^[A-Za-z0-9_$]+(\.[A-Za-z0-9_$]+)*$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** At most this many lines about bad cells: one cause (a shifted column) usually spoils every row. */
const MAX_CELL_PROBLEMS = 10;

/** A calibration's accepted parameter sets, as read from its posterior.csv. */
export interface Posterior {
  file: string;
  /** The parameter columns, by scenario path, in file order. */
  columns: string[];
  /** values[row][column]; row 0 is the first line after the header. */
  values: number[][];
  weights: number[];
  /** SHA-256 of the file's bytes, so a changed posterior is told from the one the runs used. */
  sha256: string;
}

/**
 * Reads posterior.csv: a header of scenario paths then "weight", one row of finite numbers
 * per accepted parameter set, weights non-negative and not all zero. Every problem names the
 * file, the line and the column; `shown` is how the experiment file names it.
 */
export function readPosterior(file: string, shown: string): Posterior {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new InputError([`${shown}: found ${file}, which is not a regular file; expected a posterior.csv`]);
    if (stat.size > MAX_INPUT_BYTES) throw new InputError([`${file}: is ${stat.size} bytes; a posterior.csv may have at most ${MAX_INPUT_BYTES}`]);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([
      `${shown}: found ${file}, which ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${(err as Error).message})`}; expected the posterior.csv of a calibration (icity calibrate writes one), relative to the experiment file`,
    ]);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  if (!lines.length) throw new InputError([`${file}: is empty; expected a header (parameter paths, then "${WEIGHT_COLUMN}") and one row per parameter set`]);

  const header = splitLine(lines[0]);
  const problems: string[] = [];
  const seen = new Set<string>();
  header.forEach((name, k) => {
    if (seen.has(name)) problems.push(`${file}: line 1, column ${k + 1}: found "${name}" twice; each parameter has one column`);
    seen.add(name);
  });
  const w = header.indexOf(WEIGHT_COLUMN);
  if (w < 0) problems.push(`${file}: line 1: has no "${WEIGHT_COLUMN}" column; expected the parameter paths, then "${WEIGHT_COLUMN}" last`);
  else if (w !== header.length - 1)
    problems.push(
      `${file}: line 1, column ${w + 1}: "${WEIGHT_COLUMN}" must be the last column; found ${JSON.stringify(header.slice(w + 1).join(','))} after it`,
    );
  const columns = header.filter((c) => c !== WEIGHT_COLUMN);
  if (w >= 0 && !columns.length) problems.push(`${file}: line 1: has no parameter column before "${WEIGHT_COLUMN}"`);
  columns.forEach((name, k) => {
    if (!PATH.test(name))
      problems.push(`${file}: line 1, column ${k + 1}: found ${JSON.stringify(name)}; expected a scenario path such as "contact.positiveEffect"`);
    const top = name.split('.')[0];
    if (top === 'seed' || top === 'days')
      problems.push(
        `${file}: line 1, column ${k + 1}: found "${name}"; the experiment sets ${top === 'seed' ? 'the seed of each replication' : 'the days of every run'}`,
      );
  });
  if (problems.length) throw new InputError(problems);
  if (lines.length < 2) throw new InputError([`${file}: has a header but no rows; expected one row per accepted parameter set`]);

  const values: number[][] = [];
  const weights: number[] = [];
  const cellProblems: string[] = [];
  let bad = 0;
  for (let i = 1; i < lines.length; i++) {
    const cells = splitLine(lines[i]);
    const complain = (line: string) => {
      bad++;
      if (cellProblems.length < MAX_CELL_PROBLEMS) cellProblems.push(line);
    };
    if (cells.length !== header.length) {
      complain(`${file}: line ${i + 1}: has ${cells.length} cells; the header has ${header.length}`);
      continue;
    }
    const row = cells.map((c, k) => {
      const v = Number(c);
      if (!NUMBER.test(c) || !Number.isFinite(v))
        complain(`${file}: line ${i + 1}, column "${header[k]}": found ${JSON.stringify(c)}; expected a finite decimal number`);
      else if (k === w && v < 0) complain(`${file}: line ${i + 1}, column "${WEIGHT_COLUMN}": found ${c}; weights must be 0 or more`);
      return v;
    });
    weights.push(row.pop()!);
    values.push(row);
  }
  if (bad > MAX_CELL_PROBLEMS) cellProblems.push(`${file}: ${bad - MAX_CELL_PROBLEMS} more problems like these`);
  if (cellProblems.length) throw new InputError(cellProblems);
  if (!weights.some((x) => x > 0))
    throw new InputError([`${file}: column "${WEIGHT_COLUMN}": every weight is 0; at least one parameter set must have a positive weight`]);
  return { file, columns, values, weights, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The cells of a line; a cell may be quoted (RFC 4180), as spreadsheets write them. */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let k = 0;
  for (;;) {
    if (line[k] === '"') {
      let cell = '';
      k++;
      while (k < line.length && !(line[k] === '"' && line[k + 1] !== '"')) {
        if (line[k] === '"') k++;
        cell += line[k++];
      }
      cells.push(cell);
      k = line.indexOf(',', k + 1);
    } else {
      const end = line.indexOf(',', k);
      cells.push(line.slice(k, end < 0 ? undefined : end).trim());
      k = end;
    }
    if (k < 0) return cells;
    k++;
  }
}
