import { LIBRARY as library } from '../live/library.ts';
import { metricsCsv } from '../live/metricsCsv.ts';
import type { FramesHeader } from '../data/framesHeader.ts';
import { CityMap, GROUPS_LAYER } from '../map/cityMap.ts';
import { OKABE_ITO } from '../map/palettes.ts';
import { LiveChart } from '../live/liveChart.ts';
import { knobPanel, type KnobPanel } from '../live/knobPanel.ts';
import { LiveSession } from '../live/liveSession.ts';
import { liveUrlQuery, type LiveUrlState } from '../live/liveUrl.ts';
import type { KnobInfo, TownInfo } from '../live/protocol.ts';
import { formatValue } from '../format/formatValue.ts';
import { el, labelledSelect } from '../ui/dom.ts';
import { setIntro, coloursInWords } from '../ui/intro.ts';
import { showError, clearErrors } from '../ui/errorPanel.ts';
import { download } from '../export/saveChart.ts';
import { setProvenance } from '../ui/provenance.ts';
import { setProjector } from '../ui/projector.ts';
import { plural } from '../format/plural.ts';

export const LIVE_SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200];
const CHART_METRICS = ['dissimilarity', 'percent_similar', 'prejudice_host', 'outgroup_encounter_share', 'language_mean', 'employment_gap'];
const TOWN_COLOURS = [OKABE_ITO[1], OKABE_ITO[4]];
const TOWN_NAMES = ['A', 'B'];

/** Controls the keyboard reaches through the live view (see bindLiveKeys). */
export interface LiveControls {
  toggle(): void;
  step(days: number): void;
  readonly index: number;
  readonly lastIndex: number;
  close(): void;
}

/**
 * The live view: the model runs in the browser (in Web Workers) on a scenario of the library
 * or a dropped file, with knobs, play/pause/step/reset, "run to day N", and a second town
 * side by side that differs in one knob. Everything it shows is also in the URL. Longer than
 * a view usually is because its controls share one playing loop and one state (the towns
 * live in LiveSession, the knobs in knobPanel, the charts in LiveChart).
 */
export function liveView(main: HTMLElement, state: LiveUrlState, replayAvailable: boolean): LiveControls {
  let raw: unknown = library[state.live];
  let file = state.live;
  if (raw === undefined) {
    showError(new Error(`live=${state.live}: no such scenario in the library; the library has ${Object.keys(library).join(', ')}`));
    raw = library.teaching;
    file = 'teaching';
  }
  const base = raw as { seed?: number };
  const session = new LiveSession(
    { scenario: raw, file, seed: state.seed ?? base.seed ?? 1, knobs: { ...state.knobs }, changes: state.changes, compare: state.compare },
    (err) => {
      pause();
      showError(err);
    },
  );
  let shown = 0;
  let playing = false;
  let speed = state.speed ?? 20;
  let position = 0;
  let last = 0;
  let raf = 0;
  let indicator = state.indicator ?? 'dissimilarity';
  let urlTimer = 0;
  let maps: CityMap[] = [];
  let charts: LiveChart[] = [];
  let panel: KnobPanel | undefined;
  let layer = GROUPS_LAYER;
  let framesRate = 0;

  // Controls, first in the page so that Play is the first tab stop and stays above the fold.
  const play = el('button', { type: 'button', class: 'play', id: 'play', 'aria-keyshortcuts': 'Space' });
  const step = el('button', { type: 'button', id: 'step', title: 'One day (→)' }, 'Step');
  const reset = el('button', { type: 'button', id: 'reset', title: 'Back to day 0 with the same settings (Home)' }, 'Reset');
  const speedSelect = el('select', { id: 'speed', 'aria-label': 'Speed' }, ...LIVE_SPEEDS.map((s) => el('option', { value: s }, `${s} days/s`)));
  const untilInput = el('input', { type: 'number', id: 'until', min: 0, step: 1, 'aria-label': 'Run to day', class: 'day-input' });
  const untilGo = el('button', { type: 'button', id: 'run-to' }, 'Run to day');
  const counter = el('output', { id: 'day-counter', 'aria-live': 'off' });
  const status = el('span', { class: 'loading-note', id: 'live-status', 'aria-live': 'polite' });
  const scrub = el('input', {
    type: 'range',
    id: 'scrub',
    min: 0,
    max: 1,
    step: 1,
    value: 0,
    'aria-label': 'Day',
    'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End',
  });
  const marks = el('div', { class: 'calendar-marks', 'aria-hidden': 'true' });
  const bar = el(
    'div',
    { class: 'timeline live-timeline', role: 'group', 'aria-label': 'Timeline' },
    el('div', { class: 'timeline-controls' }, play, step, reset, speedSelect, counter, el('span', { class: 'run-to' }, untilGo, untilInput), status),
    el('div', { class: 'timeline-track' }, scrub, marks),
  );

  const scenarioSelect = labelledSelect(
    'Scenario',
    [...Object.keys(library).map((n) => ({ value: n, text: n })), ...(library[file] ? [] : [{ value: file, text: file }])],
    file,
    (v) => {
      if (library[v] === undefined) return;
      void open(library[v], v, (library[v] as { seed?: number }).seed ?? 1);
    },
    'scenario',
  );
  const fileInput = el('input', { type: 'file', id: 'scenario-file', accept: '.json,application/json', class: 'visually-hidden' });
  const fileLabel = el('label', { for: 'scenario-file', class: 'button-like', tabindex: 0 }, 'Open a scenario file…');
  fileLabel.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    fileInput.click();
  });
  const seedInput = el('input', { type: 'number', id: 'seed', min: 0, max: 2 ** 31 - 1, step: 1, class: 'day-input' });
  const seedField = el('label', { class: 'field' }, el('span', {}, 'Seed'), seedInput);
  const compareBox = el('input', { type: 'checkbox', id: 'compare-on' });
  const compareKnob = el('select', { id: 'compare-knob', 'aria-label': 'What town B does differently' });
  const compareValue = el('input', { type: 'number', id: 'compare-value', step: 'any', class: 'day-input', 'aria-label': 'Its value in town B' });
  const compareField = el(
    'span',
    { class: 'compare-field' },
    el('label', { class: 'field' }, compareBox, 'Two towns: B with'),
    compareKnob,
    el('span', { class: 'compare-set' }, '=', compareValue),
  );
  const indicatorSelect = el('select', { id: 'indicator', 'aria-label': 'Indicator compared' });
  const difference = el('p', { class: 'difference', id: 'difference', 'aria-live': 'polite' });
  const saveScenario = el('button', { type: 'button', id: 'save-scenario' }, 'Save scenario');
  const saveCsv = el('button', { type: 'button', id: 'save-csv' }, 'Save metrics (CSV)');
  const replayLink = replayAvailable ? el('a', { href: '?view=overview', id: 'replay-link', class: 'button-like' }, 'Replay the experiment') : undefined;
  const output = el('output', { id: 'live-metrics', class: 'visually-hidden', 'aria-hidden': 'true' });
  const outputB = el('output', { id: 'live-metrics-b', class: 'visually-hidden', 'aria-hidden': 'true' });
  const mapsBox = el('div', { class: 'live-maps' });
  const layerBox = el('span', { class: 'layer-box' });
  const chartsBox = el('div', { class: 'live-charts' });
  const panelBox = el('div', { class: 'live-knobs' });
  const heading = el('h2', { id: 'live-heading' });

  main.replaceChildren(
    el(
      'div',
      { class: 'live-view' },
      el('div', { class: 'live-top' }, bar),
      el(
        'div',
        { class: 'live-body' },
        el('div', { class: 'live-left' }, heading, mapsBox, el('div', { class: 'map-toolbar' }, layerBox)),
        el(
          'div',
          { class: 'live-right' },
          el('div', { class: 'compare-bar' }, compareField, el('label', { class: 'field' }, el('span', {}, 'Indicator'), indicatorSelect)),
          difference,
          chartsBox,
        ),
        el(
          'aside',
          { class: 'live-side', 'aria-label': 'Settings' },
          el('div', { class: 'toolbar' }, scenarioSelect.node, fileLabel, fileInput, seedField),
          panelBox,
          el('div', { class: 'toolbar' }, saveScenario, saveCsv, replayLink),
        ),
      ),
      output,
      outputB,
    ),
  );

  const knobs = (): KnobInfo[] => session.info?.knobs ?? [];
  /** The knobs' values on day `day`: the scenario's, the page's settings, then changes up to that day. */
  const valuesOn = (day: number): Record<string, number> => {
    const v: Record<string, number> = Object.fromEntries(knobs().map((k) => [k.id, k.value]));
    Object.assign(v, session.setup.knobs);
    for (const c of session.setup.changes) if (c.day <= day) v[c.id] = c.value;
    return v;
  };

  const writeUrl = () => {
    urlTimer = 0;
    const s = session.setup;
    const query = liveUrlQuery({
      live: file,
      seed: s.seed,
      day: shown,
      knobs: s.knobs,
      changes: s.changes,
      compare: s.compare,
      indicator,
      speed: speed === 20 ? undefined : speed,
      projector: document.body.classList.contains('projector'),
    });
    history.replaceState(null, '', `?${query}`);
  };
  const urlSoon = () => {
    if (!urlTimer) urlTimer = window.setTimeout(writeUrl, 250);
  };

  function buildTown(info: TownInfo): void {
    const header: FramesHeader = {
      width: info.width,
      height: info.height,
      groups: info.groups.map((g) => g.name),
      boxes: info.boxes,
      metrics: info.districtMetrics,
      gridBytes: 0,
      districtOffset: 0,
      frameBytes: 0,
      days: [],
    };
    const domain = (m: number): [number, number] => {
      const unit = info.districtMetrics[m].unit;
      if (unit === '%') return [0, 100];
      if (unit === 'share' || unit.endsWith('0..1')) return [0, 1];
      let hi = 0;
      for (let k = 0; k < session.towns.length; k++) {
        const f = session.frame(k, shown);
        if (f) for (let d = 0; d < info.boxes.length; d++) hi = Math.max(hi, f.districts[d * info.districtMetrics.length + m]);
      }
      return [0, hi || 1];
    };
    const titles = session.setup.compare ? [`Town A: ${info.name}`, `Town B: ${compareText()}`] : [`${info.name}, seed ${session.setup.seed}`];
    maps = session.towns.map((_, k) => {
      const map = new CityMap({ header, groups: info.groups, title: titles[k], domain });
      map.setLayer(layer);
      return map;
    });
    mapsBox.classList.toggle('two', maps.length > 1);
    mapsBox.replaceChildren(...maps.map((m) => m.node));
    const layerOptions = [
      { value: GROUPS_LAYER, text: 'group of each household' },
      ...info.districtMetrics.map((m) => ({ value: m.name, text: `district ${m.name.replace(/_/g, ' ')} (${m.unit})` })),
    ];
    const select = labelledSelect(
      'Colour by',
      layerOptions,
      layer,
      (v) => {
        layer = v;
        maps.forEach((m) => {
          m.setLayer(v);
        });
        setIntro(introText(info));
      },
      'layer',
    );
    layerBox.replaceChildren(select.node);

    const names = new Set(info.columns.map((c) => c.name));
    if (!names.has(indicator)) indicator = 'dissimilarity';
    indicatorSelect.replaceChildren(
      ...info.columns.map((c) => el('option', { value: c.name, selected: c.name === indicator }, `${c.name.replace(/_/g, ' ')} (${c.unit})`)),
    );
    const chosen = [indicator, ...CHART_METRICS.filter((m) => m !== indicator && names.has(m))].slice(0, 4);
    charts = chosen.map((name) => new LiveChart(info.columns.find((c) => c.name === name)!, info.days, TOWN_COLOURS.slice(0, session.towns.length)));
    chartsBox.replaceChildren(...charts.map((c) => c.node));

    const choices = knobs().filter((k) => !k.disabled);
    compareKnob.replaceChildren(...choices.map((k) => el('option', { value: k.id }, k.group === 'Policies' && k.toggle ? `policy: ${k.label}` : k.label)));
    compareKnob.value = session.setup.compare?.id ?? 'policy.languageClasses';
    compareValue.value = String(session.setup.compare?.value ?? defaultCompareValue(compareKnob.value));
    compareBox.checked = Boolean(session.setup.compare);

    if (
      !panel ||
      panel.node.dataset.scenario !==
        `${info.name}:${knobs()
          .map((k) => k.id)
          .join()}`
    ) {
      panel = knobPanel(knobs(), valuesOn(shown), (id, value) => void change(id, value));
      panel.node.dataset.scenario = `${info.name}:${knobs()
        .map((k) => k.id)
        .join()}`;
      panelBox.replaceChildren(panel.node);
    }
    scrub.max = String(info.days);
    untilInput.max = String(info.days);
    heading.textContent = session.setup.compare ? `Two live towns: ${info.name}, seed ${session.setup.seed}` : `Live: ${info.name}`;
    seedInput.value = String(session.setup.seed);
    setProvenance(
      `Scenario ${info.name} · seed ${session.setup.seed} · interethnic-city ${info.version} · scenario hash ${info.hash ? info.hash.slice(0, 12) : 'not available here'} · ${plural(info.residents, 'resident')} · ${plural(info.days, 'day')} · live in this browser`,
      info.hash,
    );
    document.title = `Interethnic City: live ${info.name} (seed ${session.setup.seed})`;
    setIntro(introText(info));
    drawMarks();
  }

  const compareText = () => {
    const c = session.setup.compare;
    if (!c) return '';
    const k = knobs().find((x) => x.id === c.id);
    return k ? `${k.label} ${k.toggle ? (c.value ? 'on' : 'off') : `= ${formatValue(c.value)}`}` : c.id;
  };
  const defaultCompareValue = (id: string) => {
    const k = knobs().find((x) => x.id === id);
    if (!k) return 1;
    if (k.toggle) return k.value ? 0 : 1;
    return Number(Math.min(k.max, k.value + (k.max - k.min) / 4).toFixed(4));
  };

  function introText(info: TownInfo): string {
    const colours = `On the map ${coloursInWords(info.groups, layer)}.`;
    const two = session.setup.compare ? ` Town B is the same town with one difference (${compareText()}); the charts draw A in blue and B in orange.` : '';
    return `The model runs in your browser. ${colours}${two} Space or ▶ Play runs it; a knob changes the town from that day on (marked on the timeline).`;
  }

  function drawMarks(): void {
    const events = session.marks(knobs());
    const days = session.info?.days ?? 1;
    marks.replaceChildren(
      ...events.map((e) => {
        const m = el('span', { class: `calendar-mark kind-${e.kind}`, title: `day ${e.day}: ${e.label}` });
        m.style.left = `calc(8px + (100% - 16px) * ${Math.min(1, e.day / days)})`;
        return m;
      }),
    );
    charts.forEach((c) => {
      c.setMarks(events);
    });
  }

  function render(): void {
    const info = session.info;
    if (!info) return;
    session.towns.forEach((_, k) => {
      const f = session.frame(k, shown);
      if (f && maps[k]) maps[k].show(f.grid, f.districts, shown);
    });
    const series = (name: string) => {
      const i = info.columns.findIndex((c) => c.name === name);
      return session.towns.map((t, k) => ({ label: TOWN_NAMES[k], colour: TOWN_COLOURS[k], days: t.rows.map((_, d) => d), values: t.rows.map((r) => r[i]) }));
    };
    charts.forEach((c) => {
      c.update(series(c.column.name), shown);
    });
    play.textContent = playing ? '❚❚ Pause' : '▶ Play';
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    play.setAttribute('aria-pressed', String(playing));
    counter.textContent = `Day ${shown} / ${info.days}`;
    scrub.value = String(shown);
    scrub.setAttribute('aria-valuetext', `day ${shown} of ${info.days}`);
    speedSelect.value = String(speed);
    status.textContent = session.busy && !playing ? 'computing…' : playing && framesRate ? `${Math.round(framesRate)} days/s` : '';
    writeOutput(output, 0);
    if (session.towns.length > 1) writeOutput(outputB, 1);
    outputB.hidden = session.towns.length < 2;
    const col = info.columns.find((c) => c.name === indicator);
    if (session.towns.length > 1 && col) {
      const i = info.columns.indexOf(col);
      const [a, b] = session.towns.map((t) => t.rows[shown]?.[i]);
      const unit = col.unit === '%' ? ' percentage points' : ` (${col.unit})`;
      difference.textContent = `${col.name.replace(/_/g, ' ')} on day ${shown}: A ${formatValue(a)}, B ${formatValue(b)}; B − A = ${formatValue(b - a)}${unit}.`;
    } else difference.textContent = '';
    panel?.setValues(valuesOn(shown));
    urlSoon();
  }

  function writeOutput(node: HTMLOutputElement, k: number): void {
    const info = session.towns[k]?.info;
    const row = session.towns[k]?.rows[shown];
    if (!info || !row) return;
    node.dataset.day = String(shown);
    node.dataset.row = JSON.stringify(Object.fromEntries([['day', shown], ...info.columns.map((c, i) => [c.name, row[i]])]));
    node.textContent = `day ${shown}`;
  }

  async function load(to: number): Promise<void> {
    pause();
    clearErrors();
    status.textContent = to > 0 ? `computing days 1 to ${to}…` : 'building the town…';
    await session.load(to);
    if (!session.info) return;
    shown = Math.min(to, session.computed);
    position = shown;
    buildTown(session.info);
    render();
  }

  async function open(scenario: unknown, name: string, seed: number): Promise<void> {
    file = name;
    session.setup = { scenario, file: name, seed, knobs: {}, changes: [], compare: session.setup.compare };
    panel = undefined;
    await load(0);
  }

  /** A knob moved on the day shown: from the next day on, the towns run with it. */
  async function change(id: string, value: number): Promise<void> {
    const k = knobs().find((x) => x.id === id);
    if (!k) return;
    const s = session.setup;
    if (k.mode === 'restart' || shown === 0) {
      s.knobs[id] = value;
      s.changes = k.mode === 'restart' ? [] : s.changes.filter((c) => c.day > 0 && c.id !== id);
      if (k.mode === 'restart') status.textContent = `${k.label}: the town starts again`;
      await load(0);
      return;
    }
    s.changes = s.changes.filter((c) => c.day < shown || (c.day === shown && c.id !== id));
    const wasPlaying = playing;
    const c = { day: shown, id, value };
    if (shown === session.computed && !id.startsWith('policy.')) {
      await session.changeInPlace(c);
      drawMarks();
      render();
    } else {
      s.changes.push(c);
      const day = shown;
      await load(day);
    }
    if (wasPlaying) start();
  }

  function start(): void {
    if (playing || !session.info) return;
    if (shown >= session.info.days) return;
    playing = true;
    position = shown;
    last = performance.now();
    raf = requestAnimationFrame(tick);
    render();
  }

  function pause(): void {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(raf);
    render();
  }

  let measured = { days: 0, since: 0 };
  function tick(now: number): void {
    if (!playing || !session.info) return;
    const dt = Math.min(0.25, (now - last) / 1000);
    last = now;
    const end = session.info.days;
    position = Math.min(position + speed * dt, session.computed + 1, end);
    const want = Math.floor(position);
    if (want > session.computed && !session.busy) void session.advanceTo(Math.min(end, session.computed + Math.max(1, Math.ceil(speed * 0.2))));
    const next = Math.min(want, session.computed);
    if (next !== shown) {
      if (!measured.since) measured = { days: 0, since: now };
      measured.days += next - shown;
      if (now - measured.since > 1000) {
        framesRate = (1000 * measured.days) / (now - measured.since);
        measured = { days: 0, since: now };
      }
      shown = next;
      render();
    }
    if (shown >= end) {
      pause();
      return;
    }
    raf = requestAnimationFrame(tick);
  }

  async function goTo(day: number): Promise<void> {
    const info = session.info;
    if (!info) return;
    const target = Math.max(0, Math.min(info.days, Math.round(day)));
    if (target > session.computed) {
      status.textContent = `computing to day ${target}…`;
      await session.advanceTo(target);
    }
    shown = Math.min(target, session.computed);
    position = shown;
    render();
  }

  play.addEventListener('click', () => (playing ? pause() : start()));
  step.addEventListener('click', () => {
    pause();
    void goTo(shown + 1);
  });
  reset.addEventListener('click', () => {
    pause();
    void goTo(0);
  });
  speedSelect.addEventListener('change', () => {
    speed = Number(speedSelect.value);
    render();
  });
  scrub.addEventListener('input', () => {
    pause();
    void goTo(Number(scrub.value));
  });
  const runTo = () => {
    pause();
    if (untilInput.value !== '') void goTo(Number(untilInput.value));
  };
  untilGo.addEventListener('click', runTo);
  untilInput.addEventListener('keydown', (e) => e.key === 'Enter' && runTo());
  seedInput.addEventListener('change', () => {
    const seed = Number(seedInput.value);
    if (!Number.isInteger(seed) || seed < 0)
      return showError(new Error(`seed: found ${JSON.stringify(seedInput.value)}; expected a whole number from 0 to ${2 ** 31 - 1}`));
    session.setup.seed = seed;
    session.setup.changes = [];
    void load(0);
  });
  fileInput.addEventListener('change', () => void readFile(fileInput.files?.[0]));
  main.addEventListener('dragover', (e) => e.preventDefault());
  main.addEventListener('drop', (e) => {
    e.preventDefault();
    void readFile(e.dataTransfer?.files[0]);
  });
  async function readFile(f: File | undefined): Promise<void> {
    if (!f) return;
    let json: unknown;
    try {
      json = JSON.parse(await f.text());
    } catch (err) {
      return showError(new Error(`${f.name}: is not valid JSON (${(err as Error).message})`));
    }
    const name = f.name.replace(/\.json$/i, '');
    scenarioSelect.select.append(el('option', { value: name }, `${name} (file)`));
    scenarioSelect.select.value = name;
    await open(json, f.name, (json as { seed?: number }).seed ?? 1);
    file = 'file';
  }
  const applyCompare = () => {
    const v = Number(compareValue.value);
    session.setup.compare = compareBox.checked ? { id: compareKnob.value, value: Number.isFinite(v) ? v : 1 } : undefined;
    void load(shown);
  };
  compareBox.addEventListener('change', applyCompare);
  compareKnob.addEventListener('change', () => {
    compareValue.value = String(defaultCompareValue(compareKnob.value));
    if (compareBox.checked) applyCompare();
  });
  compareValue.addEventListener('change', () => compareBox.checked && applyCompare());
  indicatorSelect.addEventListener('change', () => {
    indicator = indicatorSelect.value;
    if (session.info) buildTown(session.info);
    render();
  });
  saveScenario.addEventListener('click', () => {
    session.towns.forEach((t, k) => {
      const suffix = session.towns.length > 1 ? `-${TOWN_NAMES[k]}` : '';
      download(
        new Blob([JSON.stringify(t.info.scenarioFile, null, 2) + '\n'], { type: 'application/json' }),
        `${t.info.name}-live-seed${session.setup.seed}${suffix}.json`,
      );
    });
  });
  saveCsv.addEventListener('click', () => {
    session.towns.forEach((t, k) => {
      const suffix = session.towns.length > 1 ? `-${TOWN_NAMES[k]}` : '';
      const csv = metricsCsv(
        t.info.columns.map((c) => c.name),
        t.rows.slice(0, session.computed + 1),
      );
      download(new Blob([csv], { type: 'text/csv' }), `${t.info.name}-live-seed${session.setup.seed}${suffix}-days0-${session.computed}.csv`);
    });
  });
  if (state.projector) setProjector(true);
  document.getElementById('projector')?.addEventListener('click', urlSoon);
  window.addEventListener('pagehide', () => session.close());

  void load(state.until ?? state.day ?? 0);
  return {
    toggle: () => (playing ? pause() : start()),
    step: (days) => {
      pause();
      void goTo(shown + days);
    },
    get index() {
      return shown;
    },
    get lastIndex() {
      return session.info?.days ?? 0;
    },
    close: () => {
      pause();
      session.close();
    },
  };
}
