import type { LiveChange } from './protocol.ts';

/**
 * The live view's state in the URL, so a link reopens the same towns on the same day:
 *   live   a scenario of the library by name (or "file" for one dropped on the page)
 *   seed   the seed; until  run to this day on opening; day  the day shown
 *   k      knob values from day 0: "similarity:0.5,policy.guarantors:1"
 *   ch     changes during the run: "120:similarity:0.6;200:policy.guarantors:1"
 *   cmp    the second town's difference: "policy.guarantors:1" (two towns side by side)
 *   ind    the indicator whose difference is shown; speed  days per second; proj  projector mode
 */
export interface LiveUrlState {
  live: string;
  seed?: number;
  until?: number;
  day?: number;
  knobs: Record<string, number>;
  changes: LiveChange[];
  compare?: { id: string; value: number };
  indicator?: string;
  speed?: number;
  projector?: boolean;
}

const count = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : undefined);

function pair(text: string): [string, number] | undefined {
  const at = text.lastIndexOf(':');
  const value = Number(text.slice(at + 1));
  return at > 0 && text.slice(at + 1) !== '' && Number.isFinite(value) ? [text.slice(0, at), value] : undefined;
}

export function readLiveUrl(search: string): LiveUrlState {
  const q = new URLSearchParams(search);
  const knobs: Record<string, number> = {};
  for (const part of (q.get('k') ?? '').split(',')) {
    const p = pair(part);
    if (p) knobs[p[0]] = p[1];
  }
  const changes: LiveChange[] = [];
  for (const part of (q.get('ch') ?? '').split(';')) {
    const colon = part.indexOf(':');
    const day = count(part.slice(0, colon));
    const p = pair(part.slice(colon + 1));
    if (colon > 0 && day !== undefined && p) changes.push({ day, id: p[0], value: p[1] });
  }
  const cmp = pair(q.get('cmp') ?? '');
  const speed = Number(q.get('speed'));
  return {
    live: q.get('live') || 'teaching',
    seed: count(q.get('seed')),
    until: count(q.get('until')),
    day: count(q.get('day')),
    knobs,
    changes,
    compare: cmp ? { id: cmp[0], value: cmp[1] } : undefined,
    indicator: q.get('ind') ?? undefined,
    speed: speed > 0 ? speed : undefined,
    projector: q.get('proj') === '1',
  };
}

export function liveUrlQuery(s: LiveUrlState): string {
  const q = new URLSearchParams();
  q.set('live', s.live);
  if (s.seed !== undefined) q.set('seed', String(s.seed));
  if (s.day !== undefined) q.set('day', String(s.day));
  const knobs = Object.entries(s.knobs)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
  if (knobs) q.set('k', knobs);
  if (s.changes.length) q.set('ch', s.changes.map((c) => `${c.day}:${c.id}:${c.value}`).join(';'));
  if (s.compare) q.set('cmp', `${s.compare.id}:${s.compare.value}`);
  if (s.indicator) q.set('ind', s.indicator);
  if (s.speed !== undefined) q.set('speed', String(s.speed));
  if (s.projector) q.set('proj', '1');
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';');
}
