import type { z } from 'zod';
import { formatOf } from '../../../sim/formats/formatTag.ts';
import { ViewerError } from './viewerError.ts';

/**
 * Checks a parsed output file against its schema (sim/formats): the format name and version
 * first, so that a newer file says so clearly, then every field the schema declares.
 */
export function parseFormat<S extends z.ZodType>(file: string, json: unknown, schema: S, format: string, version: number): z.infer<S> {
  const tag = formatOf(json);
  if (tag.format !== format) throw new ViewerError(file, `format is ${JSON.stringify(tag.format)}; expected "${format}"`, 'Is this the right folder?');
  if (typeof tag.formatVersion === 'number' && tag.formatVersion > version) {
    throw new ViewerError(
      file,
      `has formatVersion ${tag.formatVersion}, newer than this viewer reads (${version})`,
      'Update the viewer (the icity package) to the version that wrote this folder.',
    );
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.path.length === 0) throw new ViewerError(file, issue.message, 'The file is damaged, or the run was interrupted: run it again.');
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const found = valueAt(json, issue.path);
  const shown = found === undefined ? 'nothing' : JSON.stringify(found).slice(0, 60);
  throw new ViewerError(file, `field "${where}": found ${shown}; ${issue.message}`, 'The file is damaged or was written by another program.');
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}
