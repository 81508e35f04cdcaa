import { INDICATORS } from '../../model/indicators.ts';
import type { ExperimentManifest } from './experimentFolder.ts';
import type { SummaryRow } from './summarise.ts';

/** Decimals that give `digits` significant figures to x (0 for x = 0), at most 6. */
function decimalsFor(digits: number, x: number): number {
  const a = Math.abs(x);
  if (!(a > 0)) return 0;
  return Math.min(6, Math.max(0, digits - 1 - Math.floor(Math.log10(a))));
}

/**
 * Decimals for an effect and its interval: two significant figures of the interval's
 * half-width (the precision the replications support), and at least one of the effect.
 */
function effectDecimals(diff: number, low?: number, high?: number): number {
  const half = low === undefined || high === undefined ? 0 : (high - low) / 2;
  return Math.max(decimalsFor(2, half), decimalsFor(1, diff));
}

function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function money(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/**
 * One sentence about an effect, e.g. "raises language_mean by 0.041 (95% CI 0.030 to
 * 0.052) at day 730; the interval excludes zero." A fall is told as "lowers ... by" with the
 * interval of the fall, so the numbers read the way the verb does.
 */
export function effectSentence(r: SummaryRow, replications: number): string {
  const diff = r.diff ?? 0;
  if (diff === 0 && (r.diffLow ?? 0) === 0 && (r.diffHigh ?? 0) === 0) {
    return `leaves ${r.metric} unchanged at day ${r.day}${replications > 1 ? ' in every replication' : ''}.`;
  }
  const k = effectDecimals(diff, r.diffLow, r.diffHigh);
  const up = diff >= 0;
  const better = INDICATORS.find((i) => i.name === r.metric)?.better ?? 0;
  const judged = better === 0 || diff === 0 ? '' : diff * better > 0 ? ', an improvement' : ', a worsening';
  const head = diff === 0 ? `changes ${r.metric} by 0 on average` : `${up ? 'raises' : 'lowers'} ${r.metric} by ${fixed(Math.abs(diff), k)}`;
  if (r.diffLow === undefined || r.diffHigh === undefined) return `${head} at day ${r.day}${judged}; one replication gives no interval.`;
  const [low, high] = up ? [r.diffLow, r.diffHigh] : [-r.diffHigh, -r.diffLow];
  const excludes = r.diffLow > 0 || r.diffHigh < 0;
  const verdict = excludes ? 'the interval excludes zero' : `the interval includes zero, so ${replications} replications cannot tell this effect from none`;
  return `${head} (95% CI ${fixed(low, k)} to ${fixed(high, k)}) at day ${r.day}${judged}; ${verdict}.`;
}

function listOverrides(set: Record<string, unknown>): string {
  const entries = Object.entries(set);
  return entries.length ? entries.map(([k, v]) => `\`${k}\` = ${JSON.stringify(v)}`).join(', ') : 'none';
}

function listPolicies(policies: unknown[]): string {
  if (!policies.length) return 'none';
  return policies.map((p) => `\`${String((p as { type?: unknown }).type ?? JSON.stringify(p))}\``).join(', ');
}

/** report.md: the effect of each arm on each metric, in words, with intervals and costs. */
export function renderReport(m: ExperimentManifest, rows: SummaryRow[]): string {
  const n = m.seeds.length;
  const last = m.reportDays[m.reportDays.length - 1];
  const scenario = m.scenario as { name?: string; population?: { residents?: number } };
  const baseline = m.arms[0];
  const seeds = n === 1 ? `seed ${m.seeds[0]}` : m.seeds.every((s, k) => k === 0 || s === m.seeds[k - 1] + 1) ? `seeds ${m.seeds[0]} to ${m.seeds[n - 1]}` : `seeds ${m.seeds.join(', ')}`;
  const out: string[] = [];
  out.push(`# Experiment "${m.name}"`, '');
  if (m.experiment.description) out.push(m.experiment.description, '');
  out.push(
    `- Base scenario: \`${m.scenarioFile}\` ("${scenario.name}"), ${(scenario.population?.residents ?? 0).toLocaleString('en-US')} residents, ${m.days} days.`,
    `- Arms: ${baseline.label === baseline.name ? 'the baseline' : `the baseline ("${baseline.label}")`} and ${m.arms.length - 1} policy arm${m.arms.length > 2 ? 's' : ''}, ${n} replication${n > 1 ? 's' : ''} each (${seeds}). Replication r of every arm uses the same seed (common random numbers), so each difference is paired by replication.`,
    `- Intervals: 95% confidence intervals from the t distribution with n − 1 = ${n - 1} degrees of freedom; a difference from the baseline uses the paired t interval over replications.`,
    '- Cost: mean over replications of the programme spending up to the day. Cost per unit: the extra cost over the baseline divided by the size of the effect, given only when the arm improves the metric.',
    '',
  );
  if (Object.keys(baseline.set).length || baseline.policies.length) {
    out.push(`The baseline changes ${listOverrides(baseline.set)}; policies: ${listPolicies(baseline.policies)}.`, '');
  }
  const base = (metric: string, day: number) => rows.find((r) => r.arm === baseline.name && r.metric === metric && r.day === day)!;
  for (const arm of m.arms.slice(1)) {
    const mine = rows.filter((r) => r.arm === arm.name);
    out.push(`## ${arm.name}`, '');
    if (arm.description) out.push(arm.description, '');
    out.push(`Changes: ${listOverrides(arm.set)}. Policies: ${listPolicies(arm.policies)}.`, '');
    out.push(`Compared with the baseline, this arm:`, '');
    for (const r of mine.filter((r) => r.day === last)) out.push(`- ${effectSentence(r, n)}`);
    const endRow = mine.find((r) => r.day === last);
    if (endRow) {
      const extra = endRow.cost - base(endRow.metric, last).cost;
      const baseCost = base(endRow.metric, last).cost;
      if (extra === 0) out.push('', `Cost up to day ${last}: ${money(endRow.cost)} per run, the same as the baseline.`);
      else {
        out.push('', `Cost up to day ${last}: ${money(endRow.cost)} per run (baseline ${money(baseCost)}; ${extra > 0 ? 'extra' : 'saving'} ${money(Math.abs(extra))}).`);
        const perUnit = mine.filter((r) => r.day === last && r.costPerUnit !== undefined);
        if (perUnit.length) out.push(`Extra cost per unit of improvement: ${perUnit.map((r) => `${r.metric} ${money(r.costPerUnit!)}`).join('; ')}.`);
      }
    }
    out.push('', '| metric | day | baseline | arm | difference (95% CI) | cost per unit |', '| --- | ---: | ---: | ---: | --- | ---: |');
    for (const r of mine) {
      const b = base(r.metric, r.day);
      const k = decimalsFor(3, Math.max(Math.abs(b.mean), Math.abs(r.mean)));
      const kd = effectDecimals(r.diff ?? 0, r.diffLow, r.diffHigh);
      const diff = r.diffLow === undefined ? fixed(r.diff ?? 0, kd) : `${fixed(r.diff ?? 0, kd)} (${fixed(r.diffLow, kd)} to ${fixed(r.diffHigh!, kd)})`;
      out.push(`| ${r.metric} | ${r.day} | ${fixed(b.mean, k)} | ${fixed(r.mean, k)} | ${diff} | ${r.costPerUnit === undefined ? '' : money(r.costPerUnit)} |`);
    }
    out.push('');
  }
  out.push('The numbers behind this report are in summary.csv (one row per arm, metric and report day) and series.csv (every day).', '');
  return out.join('\n');
}
