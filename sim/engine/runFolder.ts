import fs from 'node:fs';
import path from 'node:path';

/**
 * A run folder is written under a temporary name beside its final place and renamed when
 * complete, so a killed run never leaves a folder that looks finished. Names that start
 * with "." and contain ".partial-" are the unfinished ones.
 */
export function partialDir(finalDir: string): string {
  const parent = path.dirname(path.resolve(finalDir));
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(finalDir)}.partial-${process.pid}-${Date.now()}`);
  fs.mkdirSync(tmp);
  return tmp;
}

/** Moves a finished temporary folder into place, replacing an older complete one. */
export function publishDir(tmp: string, finalDir: string): void {
  const target = path.resolve(finalDir);
  if (fs.existsSync(target)) {
    const old = `${path.join(path.dirname(target), '.' + path.basename(target))}.old-${process.pid}-${Date.now()}`;
    fs.renameSync(target, old);
    fs.renameSync(tmp, target);
    fs.rmSync(old, { recursive: true, force: true });
  } else {
    fs.renameSync(tmp, target);
  }
}

export function discardDir(tmp: string): void {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Writes a file whole: to a temporary name, then renamed. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.partial-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
