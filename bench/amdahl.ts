import { PHASES } from '../sim/model/phases.ts';
import type { ProfileSummary } from './cpuProfile.ts';

/**
 * The serial fraction of a one-thread run, read from its profile: the busy time outside the
 * parallel phases (loading, building the city, the serial parts of each day, writing outputs)
 * over all busy time; and what Amdahl's law makes of it for more cores.
 */
export function amdahlLines(summary: ProfileSummary, days: number): string[] {
  const names = new Set(PHASES.map((f) => f.name));
  const total = (name: string, file: string) => summary.functions.find((f) => f.name === name && f.file === file)?.totalMs ?? 0;
  const parallelMs = summary.functions.filter((f) => names.has(f.name) && f.file.startsWith('sim/model/')).reduce((a, f) => a + f.totalMs, 0);
  const runMs = total('runCity', 'sim/engine/runCity.ts');
  // Building the city includes the census of day 0, which is parallel work.
  const census0Ms = total('countCensusBlocks', 'sim/model/censusBlock.ts') / (days + 1);
  const setupMs = Math.max(0, total('Simulation', 'sim/engine/simulation.ts') - census0Ms);
  const loadingMs = Math.max(0, summary.totalMs - runMs);
  const perDayParallelMs = (parallelMs - census0Ms) / days;
  const perDaySerialMs = Math.max(0, runMs - setupMs - parallelMs) / days;
  const fixedMs = loadingMs + setupMs;
  const serialOver = (d: number) => (fixedMs + d * perDaySerialMs) / (fixedMs + census0Ms + d * (perDaySerialMs + perDayParallelMs));
  const fraction = serialOver(days);
  const yearFraction = serialOver(365);
  const speedup = (s: number, n: number) => 1 / (s + (1 - s) / n);
  const sec = (ms: number) => (ms / 1000).toFixed(2);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (label: string, s: number) =>
    `| ${label} | ${pct(s)} | ${speedup(s, 2).toFixed(2)}× | ${speedup(s, 16).toFixed(1)}× | ${speedup(s, 64).toFixed(1)}× | ${(1 / s).toFixed(1)}× |`;
  return [
    '## Serial fraction and more cores (Amdahl, on paper)',
    '',
    `From the 1-thread profile: the parallel phases (${[...names].map((n) => `\`${n}\``).join(', ')}) took ${sec(parallelMs)} s of ${sec(summary.totalMs)} s busy. ` +
      `The rest runs on one thread whatever the thread count: loading the sources (${sec(loadingMs)} s), building the city (${sec(setupMs)} s), ` +
      `then ${sec(perDaySerialMs)} s a day (the neighbourhood aggregates, arrivals, departures and deaths, moves, the starts of the visitor lists, adding up the census blocks, writing metrics and frames) ` +
      `against ${sec(perDayParallelMs)} s a day of parallel work. A year is extrapolated with the same per-day costs, so loading and setup weigh less.`,
    '',
    '| run | serial fraction | 2 cores | 16 cores | 64 cores | limit |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row(`${days} days, as profiled`, fraction),
    row('365 days, extrapolated', yearFraction),
    '',
    'The speed-ups assume the parallel phases split perfectly and that memory bandwidth keeps up, so they are upper bounds. ' +
      'What would raise them: the neighbourhood aggregates and demography are the largest serial parts; they add floating-point numbers and ' +
      'draw random numbers in resident order, which keeps the outputs the same bytes for any thread count. Counting them in fixed blocks (as the ' +
      'census is) and drawing by resident would change every output once, as a new model version; moves and arrivals could go through ' +
      'per-district queues in a fixed order.',
    '',
  ];
}
