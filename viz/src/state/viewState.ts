/**
 * What the page shows, kept in the URL's query so a view can be shared and reloaded:
 *   view     run | overview | compare | sensitivity (all but run are for experiments)
 *   run      a run folder inside an experiment ("runs/baseline/1")
 *   metrics  the indicators charted beside a replayed run, comma-separated
 *   metric   the indicator of the experiment views
 *   layer    what the map colours: "groups" or a district aggregate
 *   day      the day shown
 *   a, b     the two arms compared side by side
 *   speed    playback speed in days per second
 *   arms     the arms the overview shows, comma-separated; charts  "multiples" for one chart per arm
 *   city     in a transfer folder: the city whose experiment is shown (else the catalogue)
 */
export interface ViewState {
  view?: 'run' | 'overview' | 'compare' | 'sensitivity';
  run?: string;
  metrics?: string[];
  metric?: string;
  layer?: string;
  day?: number;
  a?: string;
  b?: string;
  speed?: number;
  arms?: string[];
  charts?: 'multiples';
  city?: string;
}

const VIEWS = new Set(['run', 'overview', 'compare', 'sensitivity']);

export function readViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const s: ViewState = {};
  const view = q.get('view');
  if (view && VIEWS.has(view)) s.view = view as ViewState['view'];
  const text = (k: 'run' | 'metric' | 'layer' | 'a' | 'b' | 'city') => {
    const v = q.get(k);
    if (v) s[k] = v;
  };
  text('run');
  text('metric');
  text('layer');
  text('a');
  text('b');
  const arms = q.get('arms');
  if (arms) s.arms = arms.split(',').filter(Boolean);
  if (q.get('charts') === 'multiples') s.charts = 'multiples';
  text('city');
  const metrics = q.get('metrics');
  if (metrics) s.metrics = metrics.split(',').filter(Boolean);
  const day = Number(q.get('day'));
  if (q.has('day') && Number.isInteger(day) && day >= 0) s.day = day;
  const speed = Number(q.get('speed'));
  if (q.has('speed') && speed > 0) s.speed = speed;
  return s;
}

export function viewStateQuery(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.city) q.set('city', s.city);
  if (s.view) q.set('view', s.view);
  if (s.run) q.set('run', s.run);
  if (s.metrics?.length) q.set('metrics', s.metrics.join(','));
  if (s.metric) q.set('metric', s.metric);
  if (s.layer) q.set('layer', s.layer);
  if (s.a) q.set('a', s.a);
  if (s.b) q.set('b', s.b);
  if (s.day !== undefined) q.set('day', String(s.day));
  if (s.speed !== undefined) q.set('speed', String(s.speed));
  if (s.arms?.length) q.set('arms', s.arms.join(','));
  if (s.charts) q.set('charts', s.charts);
  return q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
}

/**
 * The page's current state. Views update it as the user acts; the URL follows a moment later
 * without a new history entry (browsers throttle history updates, and playing changes the
 * day many times a second). Moving to another view is a new history entry, so Back returns.
 */
export class UrlState {
  state: ViewState;
  private timer = 0;

  constructor() {
    this.state = readViewState(location.search);
  }

  update(patch: Partial<ViewState>): void {
    this.state = clean({ ...this.state, ...patch });
    if (!this.timer) this.timer = window.setTimeout(() => this.write(), 200);
  }

  /** A new history entry for another view. */
  navigate(state: ViewState): void {
    this.state = clean(state);
    window.clearTimeout(this.timer);
    this.timer = 0;
    history.pushState(null, '', this.href());
  }

  reload(): void {
    this.state = readViewState(location.search);
  }

  private write(): void {
    this.timer = 0;
    history.replaceState(null, '', this.href());
  }

  private href(): string {
    const query = viewStateQuery(this.state);
    return query ? `?${query}` : location.pathname;
  }
}

function clean(s: ViewState): ViewState {
  const out = { ...s };
  for (const k of Object.keys(out) as (keyof ViewState)[]) if (out[k] === undefined) delete out[k];
  return out;
}
