import { ViewerError } from './viewerError.ts';

/** Reads typed fields of a parsed JSON object, naming the file and field when one is wrong. */
export class FieldReader {
  constructor(
    private readonly file: string,
    private readonly obj: Record<string, unknown>,
  ) {}

  private fail(field: string, expected: string): never {
    const found = this.obj[field];
    const shown = found === undefined ? 'nothing' : JSON.stringify(found).slice(0, 60);
    throw new ViewerError(this.file, `field "${field}": found ${shown}; expected ${expected}`, 'The file is damaged or was written by another program.');
  }

  string(field: string): string {
    const v = this.obj[field];
    return typeof v === 'string' ? v : this.fail(field, 'a string');
  }

  number(field: string): number {
    const v = this.obj[field];
    return typeof v === 'number' && Number.isFinite(v) ? v : this.fail(field, 'a number');
  }

  count(field: string): number {
    const v = this.obj[field];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : this.fail(field, 'a whole number');
  }

  array(field: string): unknown[] {
    const v = this.obj[field];
    return Array.isArray(v) ? v : this.fail(field, 'a list');
  }

  object(field: string): Record<string, unknown> {
    const v = this.obj[field];
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : this.fail(field, 'an object');
  }

  optional(field: string): unknown {
    return this.obj[field];
  }

  /** The format name and version: a newer version than the viewer knows is refused clearly. */
  format(expected: string, knownVersion: number): number {
    const format = this.obj.format;
    if (format !== expected) throw new ViewerError(this.file, `format is ${JSON.stringify(format)}; expected "${expected}"`, 'Is this the right folder?');
    const version = this.count('formatVersion');
    if (version > knownVersion) {
      throw new ViewerError(this.file, `has formatVersion ${version}, newer than this viewer reads (${knownVersion})`, 'Update the viewer (the icity package) to the version that wrote this folder.');
    }
    return version;
  }
}
