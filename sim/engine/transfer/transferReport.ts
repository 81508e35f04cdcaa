import type { CityCharacteristics } from './characteristics.ts';
import type { TransferManifest } from './transferFolder.ts';
import { direction, type TransferRow } from './transferRows.ts';
import { describeMetric, effectWords, money, verdict, VERDICT_WORDS, type Verdict } from './transferWording.ts';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
/** A number rounded for the page, without the sign of a value that rounds to zero. */
const round = (x: number, k: number) => x.toFixed(k).replace(/^-(0\.?0*)$/, '$1');

/** "47% migrants in 16 groups, segregation D 0.31, language gap 0.35, employment gap 8 points". */
export function profileWords(c: CityCharacteristics): string {
  return `${pct(c.migrantShare)} migrants in ${c.groups - 1} group${c.groups > 2 ? 's' : ''}, segregation D ${c.segregation.toFixed(2)}, language gap ${c.languageGap.toFixed(2)}, employment gap ${round(c.employmentGap * 100, 0)} points`;
}

/** The best variant of a practice in a city by its metric: the largest clear improvement, else the largest improvement. */
export function bestVariant(rows: TransferRow[]): TransferRow | undefined {
  const score = (r: TransferRow) => direction(r.metric, r.effect) * Math.abs(r.effect);
  const ranked = [...rows].sort((a, b) => Number(verdict(b.metric, b) === 'works') - Number(verdict(a.metric, a) === 'works') || score(b) - score(a));
  return ranked[0];
}

/**
 * report.md of a transfer experiment: per practice, where it works, where it does not and
 * the city characteristics beside each effect, in plain sentences, with the uncertainty in
 * words; then the tables behind them.
 */
export function renderTransferReport(m: TransferManifest, rows: TransferRow[], chars: Map<string, CityCharacteristics>): string {
  const last = m.reportDays[m.reportDays.length - 1];
  const n = m.replications;
  const out: string[] = [`# Transfer experiment "${m.name}"`, ''];
  if (m.description) out.push(m.description, '');
  out.push(
    `Each practice was tried in ${m.cities.length} cit${m.cities.length === 1 ? 'y' : 'ies'}, each against that city's own baseline, over ${m.days} days with ${n} replication${n === 1 ? '' : 's'} (the same seeds in every arm, so each effect is paired by replication). An effect is "clear" when its 95% confidence interval leaves out zero; otherwise the replications cannot tell it from no effect. The intervals cover simulation noise only (the chance in one simulated city), not doubt about the model's parameters or about how far the model resembles the real city.`,
    '',
    `Verdicts use each practice's own indicator at day ${last}. City characteristics are those of the baseline at day 0: the migrant share, the number of migrant groups, residential segregation (dissimilarity D), the language gap (1 minus migrants' mean host-language proficiency) and the employment gap (host minus migrant employment rate).`,
    '',
  );
  for (const p of m.practices) {
    const entry = p.catalogue ? m.catalogue[p.catalogue] : undefined;
    out.push(`## ${p.label}`, '');
    if (entry) out.push(`From ${entry.city}, presented by ${entry.speaker}. ${entry.evidence}`, '');
    const mine = rows.filter((r) => r.practice === p.name && r.metric === p.metric && r.day === last);
    const groups: Record<Verdict, string[]> = { works: [], harms: [], unclear: [], changes: [] };
    const several = p.variants.length > 1;
    for (const city of m.cities) {
      const here = mine.filter((r) => r.city === city.name);
      const best = bestVariant(here);
      if (!best) continue;
      const c = chars.get(city.name)!;
      const which = several ? ` (best variant: ${best.variant})` : '';
      groups[verdict(p.metric, best)].push(
        `- In ${city.label} (${profileWords(c)}), it ${effectWords(p.metric, best)}${which}; it cost ${money(best.cost)} more than doing nothing.`,
      );
    }
    if (groups.works.length) out.push('**Where it works.**', '', ...groups.works, '');
    if (groups.unclear.length || groups.harms.length || groups.changes.length)
      out.push('**Where it does not (or we cannot tell).**', '', ...groups.harms, ...groups.changes, ...groups.unclear, '');
    const skipped = m.cities.flatMap((c) => c.skipped.filter((s) => s.practice === p.name).map((s) => `${c.label} (${s.variant}): ${s.why}`));
    if (skipped.length) out.push(`**Not tried:** ${[...new Set(skipped)].join('; ')}.`, '');
    out.push(moderators(m, p.metric, mine, chars), '');
    const table = rows.filter((r) => r.practice === p.name && r.day === last);
    out.push(
      `| city | variant | migrant share | groups | segregation D | language gap | employment gap | indicator | effect (95% CI) | verdict | extra cost | cost per unit |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |',
    );
    for (const r of table) {
      const c = chars.get(r.city)!;
      const city = m.cities.find((x) => x.name === r.city)!.label;
      const ci = r.low === undefined ? '' : ` (${r.low.toPrecision(2)} to ${r.high!.toPrecision(2)})`;
      out.push(
        `| ${city} | ${r.variant} | ${pct(c.migrantShare)} | ${c.groups - 1} | ${c.segregation.toFixed(2)} | ${c.languageGap.toFixed(2)} | ${round(c.employmentGap, 2)} | ${r.metric} | ${r.effect.toPrecision(2)}${ci} | ${VERDICT_WORDS[verdict(r.metric, r)]} | ${money(r.cost)} | ${r.costPerUnit === undefined ? '' : money(r.costPerUnit)} |`,
      );
    }
    out.push('');
  }
  out.push(
    "transfer.csv holds every practice × city × variant × indicator × report day (effect, 95% interval, extra cost, and cost per unit of improvement, per percentage point for shares, left empty when the interval includes zero); cities.csv holds the city characteristics; each city's own experiment, with its runs, summary.csv and report.md, is in cities/<city>/.",
    '',
  );
  return out.join('\n');
}

/** One sentence comparing the cities where the practice worked with those where it did not. */
function moderators(m: TransferManifest, metric: string, rows: TransferRow[], chars: Map<string, CityCharacteristics>): string {
  const works = new Set<string>();
  const other = new Set<string>();
  for (const city of m.cities) {
    const best = bestVariant(rows.filter((r) => r.city === city.name));
    if (best) (verdict(metric, best) === 'works' ? works : other).add(city.name);
  }
  if (!works.size || !other.size) {
    return works.size
      ? `It improved the ${describeMetric(metric)} clearly in every city it was tried in.`
      : `It improved the ${describeMetric(metric)} clearly in none of the cities it was tried in.`;
  }
  const avg = (names: Set<string>, f: (c: CityCharacteristics) => number) => [...names].reduce((s, n) => s + f(chars.get(n)!), 0) / names.size;
  const say = (names: Set<string>) =>
    `${pct(avg(names, (c) => c.migrantShare))} migrants, segregation D ${avg(names, (c) => c.segregation).toFixed(2)}, language gap ${avg(names, (c) => c.languageGap).toFixed(2)}`;
  const where = (n: number, what: string) => (n === 1 ? `the city where it ${what} has` : `the ${n} cities where it ${what} have on average`);
  return `What may moderate it: ${where(works.size, 'worked')} ${say(works)}; ${where(other.size, 'did not').replace(/ (has|have on average)$/, '')}, ${say(other)}. With this few cities, read this as a pointer, not a finding.`;
}
