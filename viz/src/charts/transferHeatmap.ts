import { interpolateRgb } from 'd3';
import type { Transfer, TransferEffect } from '../data/loadTransfer.ts';
import { el } from '../ui/dom.ts';

const GOOD = interpolateRgb('#f3f7fb', '#1f6fb4');
const BAD = interpolateRgb('#fdf4ef', '#c2521b');
const UNCLEAR = '#f1f1f1';

export type Verdict = 'better' | 'worse' | 'changed' | 'unclear';

export function verdictOf(e: TransferEffect, better: number): Verdict {
  if (!(e.low > 0 || e.high < 0)) return 'unclear';
  const d = Math.sign(better * e.effect);
  return d > 0 ? 'better' : d < 0 ? 'worse' : 'changed';
}

const WORDS: Record<Verdict, string> = {
  better: 'a clear improvement',
  worse: 'a clear worsening',
  changed: 'a clear change',
  unclear: 'no clear effect (the interval includes zero)',
};

/** An effect as the cell shows it: percentage points for shares, three significant figures otherwise. */
export function effectText(x: number, unit: string): string {
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  const a = Math.abs(x);
  return unit === 'share' ? `${sign}${(a * 100).toPrecision(2)} pp` : `${sign}${a.toPrecision(2)}`;
}

/**
 * A city × outcome heatmap of one practice's effects at the last report day: blue where it
 * clearly improved the outcome, orange where it clearly worsened it, deeper for larger
 * effects (scaled per outcome over every practice, so colours compare across practices),
 * grey where the interval includes zero. Each cell is a button that opens the side-by-side
 * replay of that city's baseline and the practice.
 */
export function transferHeatmap(t: Transfer, practice: string, variant: string, open: (city: string, arm: string) => void): HTMLTableElement {
  const at = t.effects.filter((e) => e.day === t.lastDay);
  const scale = new Map(t.metrics.map((m) => [m.name, Math.max(1e-12, ...at.filter((e) => e.metric === m.name).map((e) => Math.abs(e.effect)))]));
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'city'),
    ...t.metrics.map((m) => el('th', { scope: 'col', title: `${m.description} (${m.unit})` }, m.name.replace(/_/g, ' '))),
  );
  const rows = t.cities.map((city) => {
    const arm = city.arms.find((a) => a.practice === practice && a.variant === variant);
    const label = el(
      'th',
      {
        scope: 'row',
        title: `${(city.migrantShare * 100).toFixed(0)}% migrants in ${city.groups - 1} groups, segregation D ${city.segregation.toFixed(2)}, language gap ${city.languageGap.toFixed(2)}, employment gap ${(city.employmentGap * 100).toFixed(0)} points`,
      },
      city.label,
    );
    if (!arm) {
      const why = city.skipped.find((s) => s.practice === practice)?.why ?? 'not tried';
      return el('tr', {}, label, el('td', { class: 'not-tried', colspan: t.metrics.length }, `not tried here: ${why}`));
    }
    const cells = t.metrics.map((m) => {
      const e = at.find((x) => x.practice === practice && x.variant === variant && x.city === city.name && x.metric === m.name);
      if (!e) return el('td', {}, '');
      const v = verdictOf(e, m.better);
      const depth = 0.25 + 0.75 * Math.min(1, Math.abs(e.effect) / scale.get(m.name)!);
      const background = v === 'better' ? GOOD(depth) : v === 'worse' ? BAD(depth) : v === 'changed' ? GOOD(0.15) : UNCLEAR;
      const dark = (v === 'better' || v === 'worse') && depth > 0.6;
      const sentence = `${city.label}: ${m.name} ${effectText(e.effect, m.unit)} (95% CI ${effectText(e.low, m.unit)} to ${effectText(e.high, m.unit)}) at day ${e.day}, ${WORDS[v]}. Extra cost ${Math.round(e.cost).toLocaleString('en-US')}. Click for the side-by-side replay.`;
      const button = el(
        'button',
        { type: 'button', class: `cell ${v}`, title: sentence, 'aria-label': sentence, 'data-city': city.name, 'data-metric': m.name },
        el('span', { class: 'effect' }, v === 'unclear' ? 'no clear effect' : effectText(e.effect, m.unit)),
        el('span', { class: 'ci' }, `${effectText(e.low, m.unit)} to ${effectText(e.high, m.unit)}`),
      );
      // Through the CSSOM: the page's security policy refuses style attributes.
      button.style.background = background;
      button.style.color = dark ? '#fff' : '#222';
      button.addEventListener('click', () => open(city.name, arm.arm));
      return el('td', {}, button);
    });
    return el('tr', {}, label, ...cells);
  });
  return el('table', { class: 'heatmap' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
