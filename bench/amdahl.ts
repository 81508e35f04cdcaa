import { PHASES } from '../sim/model/phases.ts';
import type { ProfileSummary } from './cpuProfile.ts';

/**
 * The serial fraction of a one-thread run, read from its profile: the busy time outside the
 * parallel phases (loading, building the city, the serial parts of each day, writing outputs)
 * over all busy time; and what Amdahl's law makes of it for more cores.
 */
export function amdahlLines(summary: ProfileSummary, days: number): string[] {
  const names = new Set(PHASES.map((f) => f.name));
  const parallelMs = summary.functions.filter((f) => names.has(f.name) && f.file.startsWith('sim/model/')).reduce((a, f) => a + f.totalMs, 0);
  const setupMs = summary.functions.find((f) => f.name === 'Simulation' && f.file === 'sim/engine/simulation.ts')?.totalMs ?? 0;
  const serialMs = summary.totalMs - parallelMs;
  const perDaySerialMs = Math.max(0, serialMs - setupMs) / days;
  const perDayParallelMs = parallelMs / days;
  const fraction = serialMs / summary.totalMs;
  const yearFraction = (setupMs + 365 * perDaySerialMs) / (setupMs + 365 * (perDaySerialMs + perDayParallelMs));
  const speedup = (s: number, n: number) => 1 / (s + (1 - s) / n);
  const sec = (ms: number) => (ms / 1000).toFixed(2);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (label: string, s: number) => `| ${label} | ${pct(s)} | ${speedup(s, 2).toFixed(2)}× | ${speedup(s, 16).toFixed(1)}× | ${speedup(s, 64).toFixed(1)}× | ${(1 / s).toFixed(1)}× |`;
  return [
    '## Serial fraction and more cores (Amdahl, on paper)',
    '',
    `From the 1-thread profile: the parallel phases (${[...names].map((n) => `\`${n}\``).join(', ')}) took ${sec(parallelMs)} s of ${sec(summary.totalMs)} s busy; ` +
      `the rest, ${sec(serialMs)} s, runs on one thread whatever the thread count: building the city (\`Simulation\`, ${sec(setupMs)} s) and loading, ` +
      `then ${sec(perDaySerialMs)} s a day (the neighbourhood aggregates, gathering visitors, arrivals and departures, moves, writing metrics and frames) ` +
      `against ${sec(perDayParallelMs)} s a day of parallel work. Over a year the setup weighs less, so the serial fraction is extrapolated with the same per-day costs.`,
    '',
    '| run | serial fraction | 2 cores | 16 cores | 64 cores | limit |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(`${days} days, as profiled`, fraction),
    row('365 days, extrapolated', yearFraction),
    '',
    'The speed-ups assume the parallel phases split perfectly and that memory bandwidth keeps up, so they are upper bounds. ' +
      'What would raise them: the neighbourhood aggregates counted in blocks on every thread (as the census is), gathering visitors per space ' +
      'range in parallel, and moves and arrivals through per-district queues in a fixed order.',
    '',
  ];
}
