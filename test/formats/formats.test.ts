import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCity } from '../../sim/engine/runCity.ts';
import { loadExperiment } from '../../sim/engine/experiment/loadExperiment.ts';
import { runExperiment } from '../../sim/engine/experiment/runExperiment.ts';
import { experimentManifestSchema, framesHeaderSchema, runManifestSchema, SERIES_COLUMNS, SUMMARY_COLUMNS } from '../../sim/formats/index.ts';
import { readRunManifest } from '../../viz/src/data/runManifest.ts';
import { readFramesHeader } from '../../viz/src/data/framesHeader.ts';
import { ViewerError } from '../../viz/src/data/viewerError.ts';
import { writeExperiment } from '../experiment/fixtures.ts';
import { smallCity, tempDir } from '../helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const json = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('output formats', () => {
  const dir = tempDir();
  dirs.push(dir);
  const out = path.join(dir, 'run');
  runCity(smallCity({ days: 3, 'population.residents': 800 }), { out, workers: 1, agents: true });

  it('what the run writes parses with the schemas the viewer reads it with', () => {
    expect(runManifestSchema.safeParse(json(path.join(out, 'manifest.json'))).error).toBeUndefined();
    expect(framesHeaderSchema.safeParse(json(path.join(out, 'frames.json'))).error).toBeUndefined();
    expect(readRunManifest('manifest.json', json(path.join(out, 'manifest.json'))).hasFrames).toBe(true);
    expect(readFramesHeader('frames.json', json(path.join(out, 'frames.json'))).days).toEqual([0, 1, 2, 3]);
  });

  it('a wrong field is named with its path and value', () => {
    const m = json(path.join(out, 'manifest.json'));
    m.columns[2].unit = 7;
    expect(() => readRunManifest('manifest.json', m)).toThrow(ViewerError);
    expect(() => readRunManifest('manifest.json', m)).toThrow('manifest.json: field "columns[2].unit": found 7;');
  });

  it('what an experiment writes parses with its schema, and its tables have the declared columns', async () => {
    const edir = tempDir();
    dirs.push(edir);
    const file = writeExperiment(edir, 'small.json', (e) => {
      e.days = 4;
      e.replications = 1;
      e.reportDays = ['end'];
    });
    const folder = path.join(edir, 'out');
    await runExperiment(loadExperiment(file), { out: folder, workers: 1 });
    expect(experimentManifestSchema.safeParse(json(path.join(folder, 'manifest.json'))).error).toBeUndefined();
    expect(fs.readFileSync(path.join(folder, 'summary.csv'), 'utf8').split('\n')[0]).toBe(SUMMARY_COLUMNS.join(','));
    expect(fs.readFileSync(path.join(folder, 'series.csv'), 'utf8').split('\n')[0]).toBe(SERIES_COLUMNS.join(','));
  });
});
