import path from 'node:path';

/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) into time per function: self time
 * (samples whose top frame is the function) and total time (samples with the function anywhere
 * on the stack, counted once per sample however deep the recursion).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /**
   * Function name and file (relative to the root given). One row per function: tsx hands V8
   * its output on one line, so functions are told apart by column, which is not shown.
   */
  name: string;
  file: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  /** Sampled time of all threads while busy (not idle), milliseconds: the base of every share. */
  totalMs: number;
  /** Sampled time of threads waiting for work outside JavaScript (V8's `(idle)`). */
  idleMs: number;
  functions: FunctionTime[];
}

function fileOf(url: string, root: string): string {
  if (url === '') return '';
  const clean = url.replace(/\?.*$/, '');
  const p = clean.startsWith('file://') ? new URL(clean).pathname : clean;
  return path.isAbsolute(p) ? path.relative(root, p) : p;
}

/** Summarises several profiles (e.g. one per thread) as one: times add up across threads. */
export function summariseProfiles(profiles: CpuProfile[], root: string): ProfileSummary {
  const rows = new Map<string, FunctionTime>();
  let totalMs = 0;
  let idleMs = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = new Map<number, string>();
    for (const n of profile.nodes) {
      const { functionName, url, lineNumber, columnNumber } = n.callFrame;
      const name = functionName || '(anonymous)';
      const file = fileOf(url, root);
      const key = `${name}\u0000${file}\u0000${lineNumber}:${columnNumber}`;
      keyOf.set(n.id, key);
      if (!rows.has(key)) rows.set(key, { name, file, selfMs: 0, totalMs: 0 });
    }
    const { samples, timeDeltas } = profile;
    for (let i = 0; i < samples.length; i++) {
      // A sample lasts until the next one (as Chrome DevTools counts); the last gets the mean.
      const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : (profile.endTime - profile.startTime) / Math.max(1, samples.length);
      const ms = Math.max(0, us) / 1000;
      const top = samples[i];
      if (byId.get(top)?.callFrame.functionName === '(idle)') {
        idleMs += ms;
        continue;
      }
      totalMs += ms;
      rows.get(keyOf.get(top)!)!.selfMs += ms;
      const seen = new Set<string>();
      for (let id: number | undefined = top; id !== undefined; id = parent.get(id)) {
        const key = keyOf.get(id)!;
        if (seen.has(key) || !byId.has(id)) continue;
        seen.add(key);
        rows.get(key)!.totalMs += ms;
      }
    }
  }
  const functions = [...rows.values()].filter((f) => f.name !== '(root)' && (f.selfMs > 0 || f.totalMs > 0));
  return { totalMs, idleMs, functions };
}

export function topBySelf(summary: ProfileSummary, n: number): FunctionTime[] {
  return [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, n);
}

/** The project's own functions (files under the given folders) by total time. */
export function topByTotal(summary: ProfileSummary, n: number, folders: string[]): FunctionTime[] {
  return summary.functions
    .filter((f) => folders.some((d) => f.file.startsWith(d)))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, n);
}

/** Self time summed by file of the project (files under sim/ or bench/); the rest is "other". */
export function selfByFile(summary: ProfileSummary, n: number): [string, number][] {
  const byFile = new Map<string, number>();
  for (const f of summary.functions) {
    const file = f.file.startsWith('sim/') || f.file.startsWith('bench/') ? f.file : 'other';
    byFile.set(file, (byFile.get(file) ?? 0) + f.selfMs);
  }
  return [...byFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}
