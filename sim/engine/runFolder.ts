import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './inputError.ts';

/**
 * A run folder is written under a temporary name beside its final place and renamed when
 * complete, so a killed run never leaves a folder that looks finished. Names that start
 * with "." and contain ".partial-" are the unfinished ones; ".old-" ones hold a finished
 * run while its replacement is moved into place; ".lock" files say a process is writing it.
 */
export function partialDir(finalDir: string): string {
  const parent = path.dirname(path.resolve(finalDir));
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(finalDir)}.partial-${process.pid}-${Date.now()}`);
  fs.mkdirSync(tmp);
  return tmp;
}

/**
 * Moves a finished temporary folder into place, replacing an older complete one. The old
 * folder is renamed aside first; a process killed between the two renames leaves it as
 * ".<name>.old-<pid>-<time>", which `settleLeftovers` puts back.
 */
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

/** Writes a file whole: to a temporary name, then renamed. A failure names the file and leaves nothing behind. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.partial-${process.pid}`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`cannot write ${file}: ${describeWriteError(err)}`);
  }
}

/** "disk full" rather than "ENOSPC: no space left on device, write". */
export function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC); free some space and run the command again, finished work is kept';
  if (code === 'EDQUOT') return 'the disk quota is used up (EDQUOT); free some space and run the command again';
  if (code === 'EACCES' || code === 'EPERM') return `not allowed (${code})`;
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return err instanceof Error ? err.message : String(err);
}

/** Whether a process of this machine is still running. */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The names in a folder; none when it is missing or unreadable (there is nothing to tidy). */
function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

const LEFTOVER = /^\.(.+)\.(partial|old)-(\d+)-\d+$/;
const LOCK = /^\.(.+)\.lock$/;

/**
 * Tidies what killed processes left in a folder of run folders (only those named `only`,
 * when given): an unfinished ".partial-" folder is removed; an ".old-" folder is put back
 * when its replacement never arrived, and removed when it did; a ".lock" whose process is
 * gone is removed (a run killed after its folder was complete leaves one beside it, which no
 * later run of that folder would take over).
 */
export function settleLeftovers(parent: string, only?: string): void {
  for (const name of namesIn(parent)) {
    const lock = LOCK.exec(name);
    if (lock) {
      if (only === undefined || lock[1] === only) removeDeadLock(path.join(parent, name));
      continue;
    }
    const m = LEFTOVER.exec(name);
    if (!m || (only !== undefined && m[1] !== only) || alive(Number(m[3]))) continue;
    const leftover = path.join(parent, name);
    const target = path.join(parent, m[1]);
    if (m[2] === 'old' && !fs.existsSync(target)) fs.renameSync(leftover, target);
    else fs.rmSync(leftover, { recursive: true, force: true });
  }
}

/** Removes a lock file whose process is gone; one without a process id yet may be a live process's, just made, and stays. */
function removeDeadLock(file: string): void {
  const pid = lockPid(file);
  if (pid !== undefined && !alive(pid)) fs.rmSync(file, { force: true });
}

/** The process id a lock file names; undefined when the file is gone or names none (yet). */
function lockPid(file: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/** What `icity run` may replace: a folder with the manifest of a run. */
export function isRunFolder(dir: string): boolean {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { format?: unknown };
    return m?.format === 'icity-run';
  } catch {
    return false;
  }
}

/**
 * Refuses an output folder that is not safe to write a run into: an empty name, the
 * current folder or one of its parents, a file, or a folder that is not a run folder (the
 * user's files, an experiment). An existing run folder may be replaced.
 */
export function checkRunTarget(out: string, flag = '--out'): void {
  if (out.trim() === '') throw new InputError([`${flag}: is empty (an unset shell variable?); name the folder to write the run into`]);
  const target = path.resolve(out);
  const cwd = process.cwd();
  if (cwd === target || cwd.startsWith(target + path.sep) || target === path.parse(target).root) {
    throw new InputError([`${flag} ${out}: is the current folder or one of its parents; a run needs a folder of its own, e.g. ${flag} runs/mine`]);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new InputError([`${flag} ${out}: is a file; a run is written into a folder of its own, and this file is left as it is`]);
  if (isRunFolder(target)) return;
  const kind = fs.existsSync(path.join(target, 'manifest.json'))
    ? "holds a manifest.json that is not a run's (an experiment folder?)"
    : 'is a folder that is not a run folder';
  const empty = fs.readdirSync(target).length === 0;
  if (!empty) throw new InputError([`${flag} ${out}: ${kind}; icity run replaces only an earlier run folder, so choose another ${flag} (nothing was changed)`]);
}

/** A claim on a run folder while a process writes it, so two runs into one folder cannot both succeed. */
export interface RunLock {
  release(): void;
}

/** Takes the lock of a run folder (".<name>.lock" beside it), or refuses while a live process holds it. */
export function lockRunFolder(out: string, flag = '--out'): RunLock {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const file = path.join(parent, `.${path.basename(target)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      let held = true;
      return {
        release() {
          if (held) fs.rmSync(file, { force: true });
          held = false;
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = lockPid(file);
      if (pid !== undefined && alive(pid)) {
        throw new InputError([`${flag} ${out}: another run (process ${pid}) is writing this folder; wait for it to finish or choose another ${flag}`]);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new InputError([`${flag} ${out}: cannot take ${file}; another run keeps taking it`]);
}

/**
 * Removes what this process's own unfinished run into `out` left (its ".partial-" folder and
 * its lock), after the thread writing it was stopped: a stopped worker leaves nothing behind
 * in a shared folder, whose other machines could not tell that this process is gone.
 */
export function abandonRun(out: string): void {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target);
  for (const name of namesIn(parent)) {
    const m = LEFTOVER.exec(name);
    if (m && m[1] === base && m[2] === 'partial' && Number(m[3]) === process.pid) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  const lock = path.join(parent, `.${base}.lock`);
  try {
    if (Number(fs.readFileSync(lock, 'utf8').trim()) === process.pid) fs.rmSync(lock, { force: true });
  } catch {
    // No lock: the run had not started writing.
  }
}

/** Scratch folders of processes that are gone: named <prefix><pid>- and a random suffix, in the temporary folder. */
export function removeStaleScratch(tmp: string, prefix: string): void {
  for (const name of namesIn(tmp)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && !alive(pid)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}
