import type { Run } from '../data/loadRun.ts';
import type { CalendarEvent } from '../data/runManifest.ts';
import { CityMap, GROUPS_LAYER } from '../map/cityMap.ts';
import { districtDomain } from '../map/districtDomain.ts';
import { Player } from '../timeline/player.ts';
import { timelineBar } from '../timeline/timelineBar.ts';
import { showError } from '../ui/errorPanel.ts';
import { labelledSelect } from '../ui/dom.ts';

export interface Replay {
  player: Player;
  maps: CityMap[];
  /** The timeline controls. */
  bar: HTMLElement;
  /** The "Colour by" choice, shared by all maps. */
  layerSelect: HTMLElement;
}

/**
 * One or more runs replayed by one player: a map per run (all coloured on one scale) and a
 * timeline over their recorded days. Frames load in the background; a map whose frame is
 * not there yet keeps the last one, marked as waiting, and redraws when it arrives.
 */
export function replay(
  runs: readonly { run: Run; title: string }[],
  calendar: readonly CalendarEvent[],
  layer: string,
  onDay: (day: number) => void,
  onLayer: (layer: string) => void,
): Replay {
  const withFrames = runs.filter((r) => r.run.frames && r.run.header);
  const stores = withFrames.map((r) => r.run.frames!);
  const days = withFrames.length ? [...new Set(withFrames.flatMap((r) => r.run.header!.days))].sort((a, b) => a - b) : Array.from(runs[0].run.days);
  const indexIn = (r: Run, day: number) => {
    const d = r.header!.days;
    let k = 0;
    while (k + 1 < d.length && d[k + 1] <= day) k++;
    return k;
  };
  const ready = (i: number) => withFrames.every((r) => r.run.frames!.has(indexIn(r.run, days[i])));
  const want = (i: number) =>
    withFrames.forEach((r) => {
      r.run.frames!.want(indexIn(r.run, days[i]));
    });
  const player = new Player(days, ready, want);
  const lastDay = Math.max(...runs.map((r) => r.run.manifest.days));
  const metrics = withFrames[0]?.run.header?.metrics ?? [];
  const chosen = layer === GROUPS_LAYER || metrics.some((m) => m.name === layer) ? layer : GROUPS_LAYER;
  const maps = withFrames.map((r) => {
    const map = new CityMap({ header: r.run.header!, groups: r.run.manifest.groups, title: r.title, domain: (m) => districtDomain(stores, m) });
    map.layer = chosen;
    return map;
  });
  const draw = () => {
    withFrames.forEach((r, k) => {
      const i = indexIn(r.run, player.day);
      maps[k].show(r.run.frames!.grid(i), r.run.frames!.districts(i), r.run.header!.days[i]);
    });
  };
  const status = () => {
    if (!ready(player.index)) return 'loading this day…';
    const loaded = stores.reduce((n, s) => n + s.loadedFrames(), 0);
    const total = stores.reduce((n, s) => n + s.count, 0);
    return loaded < total ? `${Math.round((100 * loaded) / total)}% of frames loaded` : '';
  };
  const bar = timelineBar(player, calendar, lastDay, status) as HTMLElement & { refresh: () => void };
  player.onChange(() => {
    draw();
    onDay(player.day);
  });
  for (const s of stores) {
    s.onLoad = () => {
      if (maps[0]?.layer !== GROUPS_LAYER)
        maps.forEach((m) => {
          m.setLayer(m.layer);
        });
      draw();
      bar.refresh();
    };
    s.onError = (err) => {
      player.pause();
      showError(err);
    };
    s.loadInBackground();
  }
  const options = [
    { value: GROUPS_LAYER, text: 'group of each household' },
    ...metrics.map((m) => ({ value: m.name, text: `district ${m.name.replace(/_/g, ' ')} (${m.unit})` })),
  ];
  const { node: layerSelect } = labelledSelect(
    'Colour by',
    options,
    chosen,
    (v) => {
      maps.forEach((m) => {
        m.setLayer(v);
      });
      onLayer(v);
    },
    'layer',
  );
  maps.forEach((m) => {
    m.setLayer(chosen);
  });
  draw();
  return { player, maps, bar, layerSelect };
}
