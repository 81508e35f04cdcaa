import { status, type Check, type Row, type Size } from './check.ts';
import { defaultCityRun } from './defaultCityRun.ts';
import { setFlags } from './projectScenario.ts';
import { mean, meanSd } from './stats.ts';

/**
 * Check 4: employment by years since arrival in the default city after a year, against the
 * Canadian 2011 (Statistics Canada, National Household Survey 2011) and EU 2017 (OECD/EU 2018 Settling In) figures.
 */
const SIZES = {
  full: { residents: 20_000, days: 365, seeds: [1, 2, 3] },
  quick: { residents: 10_000, days: 365, seeds: [1] },
} as const;
const EU = { native: 0.73, foreignBorn: 0.67 };
/** The host − migrant gap may be within 4 points of the EU 2017 gap of 6 points. */
const GAP_BAND = [0.02, 0.1] as const;
const CANADA = { first5: 0.635, after10: 0.798, natives: 0.829 };
const COLUMNS = [
  'employment_migrant_0_5y',
  'employment_migrant_5_10y',
  'employment_migrant_10y_plus',
  'employment_host',
  'employment_migrant',
  'employment_gap',
] as const;

export interface EmploymentRates {
  first5: number;
  from5to10: number;
  after10: number;
  host: number;
  /** Hosts minus all migrants. */
  gap: number;
}

/** The criteria: rates ordered by years since arrival below the hosts', and the gap within GAP_BAND. */
export function judgeEmployment(v: EmploymentRates): { ordered: boolean; gap: boolean } {
  return { ordered: v.first5 < v.from5to10 && v.from5to10 <= v.after10 && v.after10 < v.host, gap: v.gap >= GAP_BAND[0] && v.gap <= GAP_BAND[1] };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export const employmentCheck: Check = {
  id: 'employment',
  title: 'Employment gaps by years since arrival',
  use: "Calibration for the levels: the EU 2017 rates set the default city's initial group rates and, with the participation rates, labour.hireRate; validation for the closing of the gap with years, which no parameter was set to reproduce (the initial cross-section is built to rise with years, so day 0 matches by construction). The EU 2017 gap of 6 points is also a target of scenarios/calibration/default-city.json (employment_gap); the Canadian gradient with years since arrival is not.",
  calibrationTargets: ['employment_gap'],
  run(size: Size) {
    const z = SIZES[size];
    const runs = z.seeds.map((seed) => defaultCityRun(z.residents, z.days, seed));
    const at = (col: (typeof COLUMNS)[number], day: 'first' | 'last' = 'last') => runs.map((r) => r[day][col]);
    const v = Object.fromEntries(COLUMNS.map((c) => [c, mean(at(c))])) as Record<(typeof COLUMNS)[number], number>;
    const gap = at('employment_gap');
    const judged = judgeEmployment({
      first5: v.employment_migrant_0_5y,
      from5to10: v.employment_migrant_5_10y,
      after10: v.employment_migrant_10y_plus,
      host: v.employment_host,
      gap: mean(gap),
    });
    const ordered = judged.ordered;
    const gapOk = judged.gap;
    const rows: Row[] = [
      {
        quantity: `employment by years since arrival: 0–5 < 5–10 ≤ 10+ < hosts, day ${z.days}`,
        published: `${pct(CANADA.first5)} (first 5 years) < ${pct(CANADA.after10)} (10+) < ${pct(CANADA.natives)} (natives), ages 25–54`,
        source: 'Canada 2011 (Statistics Canada, NHS 2011)',
        ours: `${pct(v.employment_migrant_0_5y)} < ${pct(v.employment_migrant_5_10y)} ≤ ${pct(v.employment_migrant_10y_plus)} < ${pct(v.employment_host)}`,
        status: status(ordered),
      },
      {
        quantity: `employment gap, hosts − migrants (18–64), day ${z.days}`,
        published: `${pct(EU.native)} − ${pct(EU.foreignBorn)} = ${((EU.native - EU.foreignBorn) * 100).toFixed(0)} points, ages 20–64`,
        source: 'EU 2017, OECD/EU 2018 Settling In, Indicator 3.1',
        ours: `${meanSd(
          gap.map((g) => 100 * g),
          1,
        )} points; band ${GAP_BAND[0] * 100}–${GAP_BAND[1] * 100}`,
        status: status(gapOk),
      },
      {
        quantity: 'employment relative to natives: first 5 years, 10+ years',
        published: `${(CANADA.first5 / CANADA.natives).toFixed(2)}, ${(CANADA.after10 / CANADA.natives).toFixed(2)}`,
        source: 'Canada 2011 (Statistics Canada, NHS 2011)',
        ours: `${(v.employment_migrant_0_5y / v.employment_host).toFixed(2)}, ${(v.employment_migrant_10y_plus / v.employment_host).toFixed(2)}`,
        status: 'info',
      },
    ];
    const details = [
      '| indicator | day 0 (mean over seeds) | day ' + z.days + ' (mean ± sd over seeds) |',
      '| --- | --- | --- |',
      ...COLUMNS.map((c) => `| \`${c}\` | ${mean(at(c, 'first')).toFixed(4)} | ${meanSd(at(c), 4)} |`),
    ].join('\n');

    const failures: string[] = [];
    if (!ordered) {
      failures.push(
        "The employment rates are not ordered by years since arrival. In the model the initial cross-section is ordered by construction (employment rises with years since arrival, sim/model/people.ts), and after that hiring depends on host-language proficiency (`labour.languagePenalty`), usable education and employers' prejudice, not on years as such; a band that falls out of order after a year means proficiency does not rise enough with years (`language.talkHours`, `language.dailyExposureHours`) or the language penalty is too weak to keep recent arrivals behind.",
      );
    }
    if (!gapOk) {
      failures.push(
        mean(gap) > GAP_BAND[1]
          ? `The gap is wider than the EU figure allows: hosts ${pct(v.employment_host)} and migrants ${pct(v.employment_migrant)} (day 0: ${pct(mean(at('employment_host', 'first')))} and ${pct(mean(at('employment_migrant', 'first')))}). Hiring of migrants falls behind hosts' through \`labour.languagePenalty\` (hiring odds × exp(−penalty × (1 − proficiency))) and \`labour.discrimination\`; a smaller penalty or discrimination, or the groups' \`employment\` rates in the scenario, would narrow it.`
          : `The gap is narrower than the EU figure allows (${pct(mean(gap))}): migrants are hired almost as often as hosts; a larger \`labour.languagePenalty\` or \`labour.discrimination\` would widen it.`,
      );
    }
    return {
      rows,
      values: {
        first5: v.employment_migrant_0_5y,
        from5to10: v.employment_migrant_5_10y,
        after10: v.employment_migrant_10y_plus,
        host: v.employment_host,
        gap: mean(gap),
      },
      method: [
        `The default scenario is run at ${z.residents.toLocaleString('en')} residents for ${z.days} days with seeds ${z.seeds.join(', ')} (the same runs as the contact check when both run), and the indicators \`employment_migrant_0_5y\`, \`employment_migrant_5_10y\`, \`employment_migrant_10y_plus\`, \`employment_host\` and \`employment_gap\` (adults 18–64; migrants by years since their arrival) are read on the last day and averaged over seeds.`,
        '',
        "**Published values** (Statistics Canada NHS 2011; OECD/EU 2018 Settling In). The EU rates set the initial group rates (calibration); the closing of the gap with years is validation. Canada 2011, ages 25–54: 63.5% of immigrants employed in their first five years, 79.8% after ten years or more, natives 82.9%; the published figures give the two ends, so the 5–10 band is only required to lie between them. EU 2017, ages 20–64: 67% of the foreign-born employed against 73% of natives, a gap of 6 points; the check accepts a gap within 4 points of it (2–10 points), since the default city's groups are stylised and the age bands differ (18–64 here). The Canadian levels are not a criterion: the default scenario is calibrated to the EU levels, and the ratios to natives are reported instead.",
        '',
        "The initial population is built with employment rising with years since arrival around each group's rate (sim/model/people.ts, after Canada 2011), so day 0 is calibrated by construction; the table shows how the hiring and job-loss dynamics move the rates over the year.",
      ].join('\n'),
      commands: z.seeds.map(
        (seed) =>
          `npm run icity -- run scenarios/default.json --days ${z.days} --seed ${seed} ${setFlags({ 'population.residents': z.residents })
            .map((f) => `--set ${f}`)
            .join(' ')}   (last row of metrics.csv)`,
      ),
      details,
      explanation: failures.length > 0 ? failures.join('\n\n') : undefined,
    };
  },
};
