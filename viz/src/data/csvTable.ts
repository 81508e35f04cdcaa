import { csvParseRows } from 'd3';
import { ViewerError } from './viewerError.ts';

/** A CSV file as columns of text, checked for a header and equal row lengths. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

export function parseCsv(file: string, text: string, required: readonly string[]): CsvTable {
  const all = csvParseRows(text.replace(/\r?\n$/, ''));
  if (all.length === 0 || (all.length === 1 && all[0].length <= 1 && !all[0][0])) throw new ViewerError(file, 'is empty');
  const header = all[0];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length)
    throw new ViewerError(
      file,
      `has no column ${missing.map((c) => `"${c}"`).join(', ')} (its header is "${header.join(',').slice(0, 80)}")`,
      'The file is damaged or was written by another version.',
    );
  const rows = all.slice(1);
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new ViewerError(
        file,
        `line ${i + 2} has ${row.length} values but the header has ${header.length}`,
        'The file was cut short or damaged; run it again.',
      );
    }
  });
  return { file, header, rows };
}

/** A column as numbers; an empty cell is NaN only where `emptyAllowed` says so. */
export function numberColumn(t: CsvTable, name: string, emptyAllowed = false): Float64Array {
  const k = t.header.indexOf(name);
  const out = new Float64Array(t.rows.length);
  t.rows.forEach((row, i) => {
    const cell = row[k];
    if (cell === '' && emptyAllowed) {
      out[i] = NaN;
      return;
    }
    const v = Number(cell);
    if (cell === '' || !Number.isFinite(v))
      throw new ViewerError(t.file, `line ${i + 2}, column "${name}": found ${JSON.stringify(cell)}; expected a number`, 'The file is damaged; run it again.');
    out[i] = v;
  });
  return out;
}

export function textColumn(t: CsvTable, name: string): string[] {
  const k = t.header.indexOf(name);
  return t.rows.map((row) => row[k]);
}
