import { INDICATORS } from '../../model/indicators.ts';
import type { ExperimentManifest } from './experimentFolder.ts';
import type { SummaryRow } from '../../formats/experimentTables.ts';
import { parameterDriven, posteriorSentence, robustSign, ROBUST_SIGN_SHARE } from './posterior/posteriorWording.ts';

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

/** "at day 365", or for a count "summed over days 1 to 365". */
function when(r: SummaryRow): string {
  return r.measure === 'total' ? `summed over days ${r.fromDay} to ${r.day}` : `at day ${r.day}`;
}

/** The interval excludes zero: the replications tell the effect from none. */
export function clearEffect(r: SummaryRow): boolean {
  return r.diffLow !== undefined && r.diffHigh !== undefined && (r.diffLow > 0 || r.diffHigh < 0);
}

/**
 * One sentence about an effect, e.g. "raises language_mean by 0.041 (95% CI 0.030 to
 * 0.052) at day 730, an improvement; the interval excludes zero." A fall is told as "lowers
 * ... by" with the interval of the fall, so the numbers read the way the verb does. An
 * effect whose interval includes zero is "no clear effect", never an improvement.
 */
export function effectSentence(r: SummaryRow, replications: number): string {
  const diff = r.diff ?? 0;
  if (diff === 0 && (r.diffLow ?? 0) === 0 && (r.diffHigh ?? 0) === 0) {
    return `leaves ${r.metric} unchanged ${when(r)}${replications > 1 ? ' in every replication' : ''}.`;
  }
  const k = effectDecimals(diff, r.diffLow, r.diffHigh);
  if (r.diffLow === undefined || r.diffHigh === undefined) {
    return `changes ${r.metric} by ${fixed(diff, k)} ${when(r)} in its one replication, which gives no interval, so this cannot be told from noise.`;
  }
  if (!clearEffect(r)) {
    return `has no clear effect on ${r.metric} ${when(r)}: ${fixed(diff, k)} (95% CI ${fixed(r.diffLow, k)} to ${fixed(r.diffHigh, k)}); the interval includes zero, so ${replications} replications cannot tell this effect from none.`;
  }
  const up = diff >= 0;
  const better = INDICATORS.find((i) => i.name === r.metric)?.better ?? 0;
  const judged = better === 0 ? '' : diff * better > 0 ? ', an improvement' : ', a worsening';
  const [low, high] = up ? [r.diffLow, r.diffHigh] : [-r.diffHigh, -r.diffLow];
  return `${up ? 'raises' : 'lowers'} ${r.metric} by ${fixed(Math.abs(diff), k)} (95% CI ${fixed(low, k)} to ${fixed(high, k)}) ${when(r)}${judged}; the interval excludes zero.`;
}

/** "1,234 EUR per percentage point (95% CI 800 to 2,700)". */
export function costPerUnitText(r: SummaryRow): string {
  const cur = r.currency ? ` ${r.currency}` : '';
  const range = r.costPerUnitLow !== undefined && r.costPerUnitHigh !== undefined ? ` (95% CI ${money(r.costPerUnitLow)} to ${money(r.costPerUnitHigh)})` : '';
  return `${money(r.costPerUnit!)}${cur} per ${r.costUnit ?? 'unit'}${range}`;
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
  const scenario = m.scenario as { name?: string; population?: { residents?: number }; currency?: string };
  const currency = scenario.currency ?? 'EUR';
  const baseline = m.arms[0];
  const asked = (m.experiment as { fileReplications?: number }).fileReplications;
  const seeds =
    n === 1
      ? `seed ${m.seeds[0]}`
      : m.seeds.every((s, k) => k === 0 || s === m.seeds[k - 1] + 1)
        ? `seeds ${m.seeds[0]} to ${m.seeds[n - 1]}`
        : `seeds ${m.seeds.join(', ')}`;
  const counts = m.metrics.filter((x) => rows.some((r) => r.metric === x && r.measure === 'total'));
  const window = (m.experiment as { reportWindow?: unknown }).reportWindow ?? 'since-previous';
  const post = m.posterior;
  const k = post?.seedsPerDraw ?? 1;
  const out: string[] = [];
  out.push(`# Experiment "${m.name}"`, '');
  if (n < 2)
    out.push(
      `> **Warning: ${n} replication.** There are no confidence intervals, so no effect in this report can be told from simulation noise. Run with --reps 2 or more (10 is the default).`,
      '',
    );
  if (m.experiment.description) out.push(m.experiment.description, '');
  out.push(
    `- Base scenario: \`${m.scenarioFile}\` ("${scenario.name}"), ${(scenario.population?.residents ?? 0).toLocaleString('en-US')} residents, ${m.days} days.`,
    `- Arms: ${baseline.label === baseline.name ? 'the baseline' : `the baseline ("${baseline.label}")`} and ${m.arms.length - 1} policy arm${m.arms.length > 2 ? 's' : ''}, ${n} replication${n > 1 ? 's' : ''} each (${seeds})${asked !== undefined && asked !== n ? `; the experiment file asks for ${asked}, and this run was given ${n} (--reps), which is the number every figure below rests on` : ''}. Replication r of every arm uses the same seed (common random numbers), so each difference is paired by replication.`,
    ...(post
      ? [
          `- Parameters: each replication runs with a parameter set drawn from the calibration's posterior \`${post.file}\` (${post.draws.length} draws of its ${post.drawableRows} rows with a positive weight, by ${post.scheme}), the same set for every arm of the replication, ${k} seed${k > 1 ? 's' : ''} per draw. The posterior gives ${post.columns.map((c) => `\`${c}\``).join(', ')}; it comes after the experiment's own overrides, and an arm that sets one of these paths itself keeps its own value in every draw.`,
          `- Intervals: a difference's 95% interval is that of the mean effect over the posterior and the seeds: ${k > 1 ? `the t distribution with ${post.draws.length - 1} degrees of freedom on the ${post.draws.length} draws' mean differences` : `the paired t interval over the ${n} replications, one per draw`}. The spread of the effect is split by the law of total variance into a parameter part (between draws) and a stochastic part (between seeds of one draw), by a one-way random-effects analysis of variance${k > 1 ? '' : ', which needs 2 or more seeds per draw, so this experiment gives no split'}. An effect's sign is called robust when at least ${Math.round(ROBUST_SIGN_SHARE * 100)}% of the draws' mean effects share it and their 5% to 95% range does not cross zero. The uncertainty of the model's structure is not covered.`,
        ]
      : [
          n >= 2
            ? `- Intervals: 95% confidence intervals from the t distribution with n − 1 = ${n - 1} degrees of freedom; a difference from the baseline uses the paired t interval over replications. They cover simulation noise only (how runs of the same model and parameters differ by seed), not uncertainty about the model's parameters or its structure. An effect whose interval includes zero is reported as no clear effect.`
            : '- Intervals: none (one replication).',
        ]),
    ...(counts.length
      ? [
          `- Counts (${counts.join(', ')}) are compared as totals over a window of days, not on one day: ${window === 'cumulative' ? 'from day 1 to each report day' : typeof window === 'number' ? `the last ${window} days up to each report day` : 'from the day after the previous report day (or day 1) to each report day'}.`,
        ]
      : []),
    `- Cost: mean over replications of the programme spending up to the day, in ${currency}. Cost per unit: the extra cost over the baseline per percentage point (shares), per 0.01 (indices and scales from 0 to 1) or per item (counts) of improvement, given only when the improvement's interval excludes zero; its range comes from the effect's interval. An arm that changes settings without a policy is not costed.`,
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
    if (post) {
      const own = post.columns.filter((c) => Object.keys(arm.set).some((key) => key === c || c.startsWith(`${key}.`)));
      out.push('', `Over the posterior (${post.draws.length} parameter sets), at day ${last}:`, '');
      for (const r of mine.filter((r) => r.day === last)) {
        const kd = effectDecimals(r.diff ?? 0, r.posteriorLow, r.posteriorHigh);
        out.push(`- ${posteriorSentence(r, (x) => fixed(x, kd))}`);
      }
      const atLast = mine.filter((r) => r.day === last);
      const fragile = atLast.filter((r) => !robustSign(r)).map((r) => r.metric);
      const driven = atLast.filter(parameterDriven).map((r) => r.metric);
      const why = driven.length
        ? `; of these, the parameters make most of the spread of ${driven.join(', ')}`
        : k > 1
          ? '; in each the seeds make most of the spread, not the parameters'
          : '';
      out.push(
        '',
        fragile.length ? `Sign not robust over the posterior: ${fragile.join(', ')}${why}.` : 'Every effect above keeps its sign over the posterior.',
      );
      if (own.length)
        out.push(
          '',
          `This arm sets ${own.map((c) => `\`${c}\``).join(', ')} itself, so in this arm the posterior does not set ${own.length > 1 ? 'them' : 'it'}.`,
        );
    }
    const endRow = mine.find((r) => r.day === last);
    if (endRow && endRow.costed === false) {
      out.push(
        '',
        `Cost: not costed. This arm changes settings without a policy, and the model knows no cost for such changes (its programme spending is the baseline's, ${money(endRow.cost)} ${currency} per run up to day ${last}).`,
      );
    } else if (endRow) {
      const baseCost = base(endRow.metric, last).cost;
      const extra = endRow.cost - baseCost;
      if (extra === 0) out.push('', `Cost up to day ${last}: ${money(endRow.cost)} ${currency} per run, the same as the baseline.`);
      else {
        out.push(
          '',
          `Cost up to day ${last}: ${money(endRow.cost)} ${currency} per run (baseline ${money(baseCost)}; ${extra > 0 ? 'extra' : 'saving'} ${money(Math.abs(extra))}).`,
        );
        const perUnit = mine.filter((r) => r.day === last && r.costPerUnit !== undefined);
        if (perUnit.length) out.push(`Extra cost per unit of clear improvement: ${perUnit.map((r) => `${r.metric} ${costPerUnitText(r)}`).join('; ')}.`);
        else out.push('No cost per unit: no metric improves with an interval that excludes zero.');
      }
    }
    out.push(
      '',
      `| metric | day | baseline | arm | difference (95% CI) |${post ? ' over the posterior (5%–95%) | sign share |' : ''} cost per unit |`,
      `| --- | ---: | ---: | ---: | --- |${post ? ' --- | ---: |' : ''} ---: |`,
    );
    for (const r of mine) {
      const b = base(r.metric, r.day);
      const k = decimalsFor(3, Math.max(Math.abs(b.mean), Math.abs(r.mean)));
      const kd = effectDecimals(r.diff ?? 0, r.diffLow, r.diffHigh);
      const diff =
        r.diffLow === undefined
          ? fixed(r.diff ?? 0, kd)
          : `${fixed(r.diff ?? 0, kd)} (${fixed(r.diffLow, kd)} to ${fixed(r.diffHigh!, kd)})${clearEffect(r) ? '' : ', no clear effect'}`;
      const days = r.measure === 'total' ? `${r.fromDay}–${r.day} (total)` : String(r.day);
      const over =
        post && r.posteriorLow !== undefined && r.posteriorHigh !== undefined && r.signShare !== undefined
          ? ` ${fixed(r.posteriorLow, kd)} to ${fixed(r.posteriorHigh, kd)} | ${Math.round(r.signShare * 100)}%${robustSign(r) ? '' : ', not robust'} |`
          : post
            ? ' | |'
            : '';
      out.push(
        `| ${r.metric} | ${days} | ${fixed(b.mean, k)} | ${fixed(r.mean, k)} | ${diff} |${over} ${r.costPerUnit === undefined ? '' : costPerUnitText(r)} |`,
      );
    }
    out.push('');
  }
  out.push('The numbers behind this report are in summary.csv (one row per arm, metric and report day) and series.csv (every day).', '');
  return out.join('\n');
}
