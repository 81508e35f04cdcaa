import type { CalendarEvent } from '../data/runManifest.ts';
import { el } from '../ui/dom.ts';
import type { Player } from './player.ts';

export const SPEEDS = [1, 2, 5, 10, 20, 50, 100];

/**
 * The controls of a player: play/pause, speed, a slider over the recorded days with the
 * calendar's events marked on it (shocks, policies starting and stopping, funding cuts), and
 * the day counter. `status` says whether the frame shown is still loading.
 */
export function timelineBar(player: Player, calendar: readonly CalendarEvent[], lastDay: number, status: () => string = () => ''): HTMLElement {
  const play = el('button', { type: 'button', class: 'play', id: 'play', 'aria-keyshortcuts': 'Space' });
  play.addEventListener('click', () => player.toggle());
  const speed = el('select', { id: 'speed', 'aria-label': 'Speed' });
  for (const s of SPEEDS) speed.append(el('option', { value: s, selected: s === player.speed }, `${s} days/s`));
  speed.addEventListener('change', () => player.setSpeed(Number(speed.value)));
  const slider = el('input', {
    type: 'range',
    id: 'scrub',
    min: 0,
    max: player.lastIndex,
    step: 1,
    value: player.index,
    'aria-label': 'Day',
    'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End',
  });
  slider.addEventListener('input', () => {
    player.pause();
    player.seek(Number(slider.value));
  });
  const counter = el('output', { id: 'day-counter', 'aria-live': 'off', for: 'scrub' });
  const loading = el('span', { class: 'loading-note', id: 'frame-status' });

  const marks = el('div', { class: 'calendar-marks', 'aria-hidden': 'true' });
  for (const e of calendar) {
    const frac = Math.max(0, Math.min(1, player.indexOfDay(e.day) / Math.max(1, player.lastIndex)));
    const mark = el('span', { class: `calendar-mark kind-${e.kind.replace(/[^a-z0-9_-]/gi, '')}`, title: `day ${e.day}: ${e.label}` });
    mark.style.left = `calc(8px + (100% - 16px) * ${frac})`;
    mark.addEventListener('click', () => player.seek(player.indexOfDay(e.day)));
    marks.append(mark);
  }
  const events = calendar.length
    ? el(
        'ul',
        { class: 'calendar-list', 'aria-label': 'Events' },
        ...calendar.map((e) => {
          const b = el('button', { type: 'button', class: 'linklike' }, `day ${e.day}`);
          b.addEventListener('click', () => player.seek(player.indexOfDay(e.day)));
          return el('li', {}, b, ` ${describeEvent(e)}`);
        }),
      )
    : undefined;

  const update = () => {
    play.textContent = player.playing ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-label', player.playing ? 'Pause' : 'Play');
    play.setAttribute('aria-pressed', String(player.playing));
    slider.value = String(player.index);
    slider.setAttribute('aria-valuetext', `day ${player.day} of ${lastDay}`);
    counter.textContent = `Day ${player.day} / ${lastDay}`;
    speed.value = String(player.speed);
    loading.textContent = status();
  };
  player.onChange(update);
  update();
  const bar = el(
    'div',
    { class: 'timeline', role: 'group', 'aria-label': 'Timeline' },
    el('div', { class: 'timeline-controls' }, play, speed, counter, loading),
    el('div', { class: 'timeline-track' }, slider, marks),
    events,
  );
  return Object.assign(bar, { refresh: update });
}

/** "media: Sensational news", but "political change (cut 100%)" rather than repeating the kind. */
function describeEvent(e: CalendarEvent): string {
  const kind = e.kind
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return e.label.toLowerCase().startsWith(kind) ? e.label : `${kind}: ${e.label}`;
}
