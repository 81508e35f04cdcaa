import type { Run } from '../data/loadRun.ts';
import { SeriesChart } from '../charts/seriesChart.ts';
import { saveButtons } from '../export/saveChart.ts';
import { formatValue } from '../format/formatValue.ts';
import type { Player } from '../timeline/player.ts';
import type { UrlState } from '../state/viewState.ts';
import { el } from '../ui/dom.ts';
import { indicatorPicker } from '../ui/indicatorPicker.ts';
import { plural } from '../format/plural.ts';
import { runIntro, setIntro } from '../ui/intro.ts';
import { replay } from './replay.ts';

/** Indicators charted when the URL names none: segregation, attitudes, language, contact, jobs. */
export const DEFAULT_METRICS = ['dissimilarity', 'prejudice_host', 'outgroup_encounter_share', 'language_mean', 'employment_gap', 'percent_similar'];

/**
 * The replay of one run: its map and timeline on the left, its indicators over time on the
 * right, all following the same day. Returns the player, for the keyboard.
 */
export function runView(main: HTMLElement, run: Run, url: UrlState, heading: string): Player {
  const m = run.manifest;
  const columns = m.columns.filter((c) => c.name !== 'day');
  const known = (names: readonly string[] | undefined) => (names ?? []).filter((n) => columns.some((c) => c.name === n));
  let chosen = known(url.state.metrics);
  if (!chosen.length) chosen = known(DEFAULT_METRICS);
  if (!chosen.length) chosen = columns.slice(0, 4).map((c) => c.name);

  // Read before the player starts notifying: its first notice writes the day it is on.
  const linkedDay = url.state.day;
  const linkedSpeed = url.state.speed;
  let charts: SeriesChart[] = [];
  const grid = el('div', { class: 'series-grid' });
  const hover = (day: number | undefined) =>
    charts.forEach((c) => {
      c.setHover(day);
    });
  const r = replay(
    [{ run, title: 'The city' }],
    m.calendar,
    url.state.layer ?? 'groups',
    (day) => {
      charts.forEach((c) => {
        c.setDay(day);
      });
      url.update({ day });
    },
    (layer) => {
      url.update({ layer });
      setIntro(runIntro(m.groups, layer));
    },
  );
  const seek = (day: number) => {
    r.player.pause();
    r.player.seek(r.player.indexOfDay(day));
  };
  const drawCharts = () => {
    charts = chosen.map(
      (name) =>
        new SeriesChart({
          column: columns.find((c) => c.name === name)!,
          days: run.days,
          values: run.metrics.get(name)!,
          calendar: m.calendar,
          onSeek: seek,
          onHover: hover,
        }),
    );
    grid.replaceChildren(...charts.map((c) => c.node));
    charts.forEach((c) => {
      c.setDay(r.player.day);
    });
  };
  drawCharts();

  const picker = indicatorPicker(columns, chosen, (names) => {
    chosen = names;
    url.update({ metrics: names });
    drawCharts();
  });
  const mapBlock = r.maps.length
    ? el(
        'div',
        { class: 'map-block' },
        el(
          'div',
          { class: 'map-toolbar' },
          r.layerSelect,
          saveButtons(`map-${m.scenarioName}`, () => r.maps[0].exportSvg()),
        ),
        r.maps[0].node,
      )
    : el(
        'p',
        { class: 'note' },
        'This run recorded no frames (its scenario has record.frames set to false), so there is no map; its indicators are on the right.',
      );
  const facts = `${formatValue(m.residents)} residents · ${plural(m.days, 'day')} · ${plural(m.groups.length, 'group')}${m.calendar.length ? ` · ${plural(m.calendar.length, 'event')} on the timeline` : ''}`;
  main.replaceChildren(
    el(
      'div',
      { class: 'run-view' },
      el('div', { class: 'run-left' }, el('h2', {}, heading), el('p', { class: 'facts' }, facts), r.bar, mapBlock),
      el('div', { class: 'run-right' }, picker, grid),
    ),
  );
  setIntro(
    r.maps.length
      ? runIntro(m.groups, r.maps[0].layer)
      : 'The indicators of this run over time. Press Space or ▶ Play to move through the days, ← → to step, and point at a chart for its value on that day.',
  );
  if (linkedDay !== undefined) r.player.seek(r.player.indexOfDay(linkedDay));
  if (linkedSpeed) r.player.setSpeed(linkedSpeed);
  r.player.onChange(() => url.update({ speed: r.player.speed === 10 ? undefined : r.player.speed }));
  return r.player;
}
