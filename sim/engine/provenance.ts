import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The commit of the checkout this package runs from, and whether tracked files differ from it. */
export interface GitState {
  commit: string;
  dirty: boolean;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let cached: GitState | null | undefined;

/** The git state of the package's folder when it is a checkout (null otherwise, e.g. installed from npm). */
export function gitState(): GitState | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (!fs.existsSync(`${ROOT}.git`)) return cached;
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    // One process for both (a run's process can be large, and starting another costs it):
    // the commit is the "# branch.oid" header, and each changed tracked file is a line of its own.
    const lines = git('status', '--porcelain=v2', '--branch', '--untracked-files=no').split('\n');
    const commit = lines.find((l) => l.startsWith('# branch.oid '))?.slice('# branch.oid '.length) ?? '';
    const dirty = lines.some((l) => l !== '' && !l.startsWith('# '));
    if (/^[0-9a-f]{40}$/.test(commit)) cached = { commit, dirty };
  } catch {
    // No git on this machine, or not a repository after all: the commit is unknown.
  }
  return cached;
}

/** The machine's platform as Node names it, e.g. "linux-x64". */
export function platform(): string {
  return `${process.platform}-${process.arch}`;
}
