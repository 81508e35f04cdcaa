import type { SummaryRow } from '../data/experimentTables.ts';
import type { Column } from '../data/runManifest.ts';
import { formatMoney, formatValue } from '../format/formatValue.ts';
import { costPerStep, perUnit } from './effectsChart.ts';
import { el } from '../ui/dom.ts';

const interval = (lo: number, hi: number) => (Number.isFinite(lo) && Number.isFinite(hi) ? `${formatValue(lo)} to ${formatValue(hi)}` : '–');

/** The numbers behind the charts: every summary.csv row of one indicator, as a table. */
export function summaryTable(column: Column, rows: readonly SummaryRow[], labels: ReadonlyMap<string, string>): HTMLElement {
  const head = [
    'arm',
    'day',
    'runs',
    'mean',
    '95% CI',
    'effect (arm − baseline)',
    '95% CI of effect',
    'cost (money)',
    `cost per ${perUnit(column.unit).label} of effect`,
  ];
  const body = rows.map((r) =>
    el(
      'tr',
      { 'data-arm': r.arm, 'data-day': r.day },
      el('th', { scope: 'row' }, labels.get(r.arm) ?? r.arm),
      el('td', { 'data-col': 'day' }, String(r.day)),
      el('td', { 'data-col': 'n' }, String(r.n)),
      el('td', { 'data-col': 'mean' }, formatValue(r.mean)),
      el('td', { 'data-col': 'ci' }, interval(r.ciLow, r.ciHigh)),
      el('td', { 'data-col': 'diff' }, Number.isFinite(r.diff) ? formatValue(r.diff) : '–'),
      el('td', { 'data-col': 'diff_ci' }, interval(r.diffLow, r.diffHigh)),
      el('td', { 'data-col': 'cost' }, formatMoney(r.cost)),
      el('td', { 'data-col': 'cost_per_unit' }, Number.isFinite(r.diff) ? costPerStep(r, column.unit) : '–'),
    ),
  );
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'summary-table', 'data-metric': column.name },
      el('caption', {}, `${column.name.replace(/_/g, ' ')} (${column.unit}) at the reported days, from summary.csv`),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...body),
    ),
  );
}
