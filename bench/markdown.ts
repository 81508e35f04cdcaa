import type { BenchResults } from './results.ts';
import type { ProcessSample } from './endToEnd/process.ts';
import { SCHELLING_ENGINE } from './targets.ts';

/** The generated part of docs/performance.md, from bench/results.json. */

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rateText = (r: number) => (r >= 1e6 ? `${(r / 1e6).toFixed(r >= 1e7 ? 1 : 2)} M` : `${(r / 1e3).toFixed(0)} k`);
const times = (v: number) => `${v.toFixed(v >= 10 ? 1 : 2)}×`;
type Before = Pick<ProcessSample, 'loadBefore' | 'probeBefore'>;
const loads = (samples: readonly Before[]) => samples.map((s) => s.loadBefore.toFixed(1)).join(', ');
const probes = (samples: readonly Before[]) => samples.map((s) => s.probeBefore.toFixed(2)).join(', ');

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function performanceMarkdown(res: BenchResults): string {
  const m = res.machine;
  const out: string[] = [];
  out.push(
    `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.platform}, Node ${m.node}; ` +
      `1-minute load average ${m.loadAverageAtStart[0].toFixed(2)} when it started (work other than the benchmark on ${m.cores} cores). ` +
      `\`npm run bench\` took ${(res.totalSeconds / 60).toFixed(1)} min; figures are medians of the runs counted in each table. ` +
      '"Probe s before" is a fixed piece of work (random memory access, integer hashing and allocation) timed just before each run (bench/hostProbe.ts): it takes the same time ' +
      'on an undisturbed host, so a run whose probe took clearly longer than the others ran on a slowed host, which the load average inside this machine does not show.',
    '',
  );

  const e2e = res.schellingEndToEnd;
  const range = (s: { median: number; min: number; max: number }, digits = 2) =>
    `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  out.push(
    `**Schelling end to end** (the headline): the whole \`icity run ${e2e.scenario}\` sized to W×W (density ${e2e.density}, threshold ${e2e.threshold}, ${e2e.steps} steps, ` +
      `${e2e.workers} threads, census every day, frames on) against flocc's Schelling as a whole process, each from spawning to exit; ` +
      `${e2e.repeats} runs each, alternating; medians with min–max, and the 1-minute load average before each run.`,
    '',
  );
  out.push(
    ...table(
      ['grid', 'runner', 'wall s', 'CPU s', 'load before', 'probe s before', 'flocc ÷ icity, wall'],
      ['r', 'l', 'r', 'r', 'l', 'l', 'r'],
      e2e.cells.map((c) => {
        const flocc = e2e.cells.find((f) => f.size === c.size && f.runner === 'flocc');
        const ratio = c.runner === 'icity run' && flocc ? times(flocc.wallSeconds.median / c.wallSeconds.median) : '';
        return [`${c.size}²`, c.runner, range(c.wallSeconds), range(c.cpuSeconds), loads(c.samples), probes(c.samples), ratio];
      }),
    ),
  );
  out.push('');

  out.push('**Targets**', '');
  out.push(
    ...table(
      ['target', 'measured', 'status'],
      ['l', 'l', 'l'],
      res.targets.map((t) => [t.goal, t.measured, t.met === null ? 'not measured' : t.met ? `**met**, ${t.margin}` : `**missed** ${t.margin}`]),
    ),
  );
  out.push('');

  out.push(
    `**Full model**: \`${res.fullModel.scenario}\` with \`--set population.residents=N\`, frames written, each run in a process of its own. ` +
      'Wall time is the whole command as a user waits for it (Node start, loading, building the city, the days, writing the run folder); ' +
      "resident-days/s is residents × days over it; peak RSS is the process's, worker threads included.",
    '',
  );
  out.push(
    ...table(
      [
        'scenario',
        'residents',
        'days',
        'threads',
        'runs',
        'wall s (min–max)',
        'CPU-s per M resident-days',
        'resident-days/s',
        'inside icity s',
        'peak RSS MB',
        'load before',
        'probe s before',
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
      [...res.fullModel.configs, ...res.scale].map((c) => [
        (c.scenario ?? res.fullModel.scenario).replace(/^scenarios\//, ''),
        int(c.residents),
        String(c.days),
        String(c.workers),
        String(c.repeats),
        range(c.wall, 1),
        c.cpuSecondsPerMillionResidentDays.toFixed(2),
        rateText(c.residentDaysPerSecond),
        c.runSeconds.toFixed(1),
        mb(c.maxRssBytes),
        loads(c.samples),
        probes(c.samples),
      ]),
    ),
  );
  out.push('');
  out.push(
    ...table(
      ['residents', 'resident arrays, bytes per resident', 'all shared arrays, bytes per resident'],
      ['r', 'r', 'r'],
      res.fullModel.state.map((s) => [int(s.residents), s.residentBytesPerResident.toFixed(1), s.sharedBytesPerResident.toFixed(1)]),
    ),
  );
  out.push('');

  const sch = res.schelling;
  const columns = [...new Map(sch.cells.map((c) => [`${c.size}|${c.threshold}`, { size: c.size, threshold: c.threshold }])).values()];
  const cell = (runner: string, size: number, threshold: number) => sch.cells.find((c) => c.runner === runner && c.size === size && c.threshold === threshold);
  out.push(
    `**Schelling, stepping alone** (the second row): \`${sch.scenario}\` sized to W×W (density ${sch.density}, ${sch.steps} steps, seed ${sch.seed}) and the peers of \`bench/schelling/\` ` +
      'in one process, all from the same initial layout. Agent-updates/s = residents × steps / stepping seconds; in brackets the final percent-similar. ' +
      `Runs per cell: ${summariseRepeats(sch.cells, (id) => sch.runners.find((r) => r.id === id)?.label ?? id)}.`,
    '',
  );
  const head = ['runner', 'version', ...columns.map((c) => `${c.size}², ${c.threshold}`)];
  const rows = sch.runners.map((r) => [
    r.label,
    r.version,
    ...columns.map(({ size, threshold }) => {
      const c = cell(r.id, size, threshold);
      return c ? `${rateText(c.updatesPerSecond)}/s (${c.percentSimilar.toFixed(1)}%)` : '';
    }),
  ]);
  out.push(...table(head, ['l', 'l', ...columns.map(() => 'r' as const)], rows));
  out.push('');

  // Single-threaded runners only: the CPU time of a 2-thread run adds up both threads.
  const single = sch.runners.filter((r) => !r.id.endsWith('-2'));
  out.push(
    'The same runs per CPU-second of the stepping (residents × steps / CPU seconds of the process): other load on the machine does not count, ' +
      'so for single-threaded runners this is the rate on a quiet machine. The Schelling targets are judged on it.',
    '',
  );
  const cpuRows = single.map((r) => [
    r.label,
    ...columns.map(({ size, threshold }) => {
      const c = cell(r.id, size, threshold);
      return c ? `${rateText(c.updatesPerCpuSecond)}` : '';
    }),
  ]);
  const engineLabel = sch.runners.find((r) => r.id === SCHELLING_ENGINE)?.label ?? SCHELLING_ENGINE;
  for (const peer of sch.runners.filter((r) => !r.id.startsWith('icity-'))) {
    cpuRows.push([
      `${engineLabel} ÷ ${peer.label}`,
      ...columns.map(({ size, threshold }) => {
        const a = cell(SCHELLING_ENGINE, size, threshold);
        const b = cell(peer.id, size, threshold);
        return a && b ? times(a.updatesPerCpuSecond / b.updatesPerCpuSecond) : '';
      }),
    ]);
  }
  out.push(...table(['runner', ...columns.map((c) => `${c.size}², ${c.threshold}`)], ['l', ...columns.map(() => 'r' as const)], cpuRows));
  return out.join('\n');
}

function summariseRepeats(cells: BenchResults['schelling']['cells'], label: (id: string) => string): string {
  const counts = new Map<number, number>();
  for (const c of cells) counts.set(c.repeats, (counts.get(c.repeats) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const others = new Map<string, string[]>();
  for (const c of cells) {
    if (c.repeats === usual) continue;
    const key = `${c.repeats} for ${label(c.runner)}`;
    const sizes = others.get(key) ?? [];
    if (!sizes.includes(`${c.size}²`)) sizes.push(`${c.size}²`);
    others.set(key, sizes);
  }
  return [String(usual), ...[...others.entries()].map(([k, sizes]) => `${k} at ${sizes.join(', ')}`)].join('; ');
}
