import { fetchJson, fetchText } from './fetchData.ts';
import { readRunManifest, type RunManifest } from './runManifest.ts';
import { readFramesHeader, type FramesHeader } from './framesHeader.ts';
import { numberColumn, parseCsv } from './csvTable.ts';
import { FrameStore } from './frameStore.ts';
import { ViewerError } from './viewerError.ts';

/** A run folder as the viewer holds it: metrics in columns, frames loaded on demand. */
export interface Run {
  /** Path of the folder inside the served folder ("" for the served folder itself). */
  path: string;
  manifest: RunManifest;
  /** metrics.csv by column name, one entry per recorded day (`days`). */
  metrics: Map<string, Float64Array>;
  days: Float64Array;
  /** Absent when the run recorded no frames. */
  header?: FramesHeader;
  frames?: FrameStore;
}

/** Loads a run's manifest, metrics and frame header, and the first chunk of frames. */
export async function loadRun(path: string): Promise<Run> {
  const at = (name: string) => (path ? `${path}/${name}` : name);
  const manifest = readRunManifest(at('manifest.json'), await fetchJson(at('manifest.json')));
  const [metricsText, framesJson] = await Promise.all([fetchText(at('metrics.csv')), manifest.hasFrames ? fetchJson(at('frames.json')) : undefined]);
  const table = parseCsv(
    at('metrics.csv'),
    metricsText,
    manifest.columns.map((c) => c.name),
  );
  const metrics = new Map(manifest.columns.map((c) => [c.name, numberColumn(table, c.name)]));
  const days = metrics.get('day')!;
  // Day 0, every recordEvery-th day, and the last day.
  const every = manifest.recordEvery;
  const rows = Math.floor(manifest.days / every) + 1 + (manifest.days % every === 0 ? 0 : 1);
  if (days.length !== rows || days[days.length - 1] !== manifest.days) {
    throw new ViewerError(
      at('metrics.csv'),
      `has ${days.length} rows (days ${days[0]}..${days[days.length - 1]}), but manifest.json says the run lasted ${manifest.days} days`,
      'The file was cut short; run it again.',
    );
  }
  if (!framesJson) return { path, manifest, metrics, days };
  const header = readFramesHeader(at('frames.json'), framesJson);
  const frames = new FrameStore(at('frames.bin'), header);
  await frames.open();
  return { path, manifest, metrics, days, header, frames };
}
