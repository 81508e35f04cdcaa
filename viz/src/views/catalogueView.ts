import { transferHeatmap, verdictOf } from '../charts/transferHeatmap.ts';
import type { Transfer, TransferPracticeInfo } from '../data/loadTransfer.ts';
import type { UrlState } from '../state/viewState.ts';
import { el, labelledSelect } from '../ui/dom.ts';
import { setIntro } from '../ui/intro.ts';

/**
 * The catalogue of good practices: each practice of the report with its city, the speaker
 * who presented it, its mechanism in the model, its evidence and sources, and a city ×
 * outcome heatmap of its effects in a transfer experiment. A click on a cell opens the
 * side-by-side replay of the city's baseline and the practice.
 */
export function catalogueView(main: HTMLElement, t: Transfer, url: UrlState, rerender: () => void): void {
  const open = (city: string, arm: string) => {
    url.navigate({ city, view: 'compare', a: 'baseline', b: arm });
    rerender();
  };
  const toc = el('ol', { class: 'toc' }, ...t.practices.map((p) => el('li', {}, el('a', { href: `#practice-${p.name}` }, p.entry?.title ?? p.label))));
  main.replaceChildren(
    el(
      'div',
      { class: 'catalogue' },
      el('h2', {}, 'Catalogue of good practices'),
      el(
        'p',
        { class: 'facts' },
        `${t.practices.length} practices tried in ${t.cities.length} cities (transfer experiment ${t.name}) · ${t.replications} replications · ${t.days} days · effects at day ${t.lastDay}`,
      ),
      el('details', { class: 'description' }, el('summary', {}, 'How these effects were measured'), el('p', {}, t.description)),
      el(
        'p',
        { class: 'note' },
        'Each cell is the difference a practice made to one outcome in one city, against that city without it, with its 95% confidence interval. The intervals cover simulation noise only, not doubt about the model or about how far it resembles the real city. Point at a cell for the numbers in words; click it to replay the city with and without the practice side by side.',
      ),
      el(
        'p',
        { class: 'legend' },
        el('span', { class: 'better' }, 'clear improvement'),
        el('span', { class: 'worse' }, 'clear worsening'),
        el('span', { class: 'unclear' }, 'no clear effect'),
        'Deeper colours: larger effects. pp: percentage points.',
      ),
      toc,
      ...t.practices.map((p) => practiceSection(t, p, open)),
    ),
  );
  setIntro('Good practices of the report, where they work in the model and where they do not. Click a cell for the side-by-side replay.');
}

function practiceSection(t: Transfer, p: TransferPracticeInfo, open: (city: string, arm: string) => void): HTMLElement {
  const e = p.entry;
  const box = el('div', { class: 'heatmap-box' });
  const draw = (variant: string) => box.replaceChildren(transferHeatmap(t, p.name, variant, open), el('p', { class: 'note' }, verdictLine(t, p, variant)));
  const variants =
    p.variants.length > 1
      ? labelledSelect(
          'Variant',
          p.variants.map((v) => ({ value: v.name, text: v.description ? `${v.name}: ${v.description}` : v.name })),
          p.variants[0].name,
          draw,
          `variant-${p.name}`,
        ).node
      : undefined;
  const section = el(
    'section',
    { class: 'practice', id: `practice-${p.name}` },
    el('h3', {}, e?.title ?? p.label),
    e
      ? el('p', { class: 'facts' }, `From ${e.city} · presented by ${e.speaker} · judged by ${p.metric}`)
      : el('p', { class: 'facts' }, `judged by ${p.metric}`),
    e && el('blockquote', {}, e.quote),
    e && el('p', {}, el('strong', {}, 'Evidence: '), e.evidence),
    e && el('details', {}, el('summary', {}, 'Its mechanism in the model'), el('p', {}, e.mechanism)),
    e && el('details', {}, el('summary', {}, 'Sources'), el('ul', {}, ...e.sources.map((s) => el('li', {}, s)), el('li', {}, `Model: ${e.modelSources}`))),
    variants,
    box,
  );
  draw(p.variants[0].name);
  return section;
}

/** "A clear improvement of trust_migrant in 4 of 9 cities: Turin, ...", for the practice's own outcome. */
function verdictLine(t: Transfer, p: TransferPracticeInfo, variant: string): string {
  const metric = t.metrics.find((m) => m.name === p.metric);
  if (!metric) return '';
  const mine = t.effects.filter((x) => x.practice === p.name && x.variant === variant && x.metric === p.metric && x.day === t.lastDay);
  const label = new Map(t.cities.map((c) => [c.name, c.label]));
  const by = (v: string) => mine.filter((x) => verdictOf(x, metric.better) === v).map((x) => label.get(x.city) ?? x.city);
  const better = by('better');
  const worse = by('worse');
  const parts = [
    `On ${p.metric} (${metric.description.replace(/\.$/, '').toLowerCase()}): a clear improvement in ${better.length} of ${mine.length} cities${better.length ? ` (${better.join(', ')})` : ''}`,
  ];
  if (worse.length) parts.push(`a clear worsening in ${worse.join(', ')}`);
  parts.push(`no clear effect in ${mine.length - better.length - worse.length}`);
  return parts.join('; ') + '.';
}
