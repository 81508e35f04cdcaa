import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** The viewer's files as the server sends them and the static build writes them. */
export interface ViewerAssets {
  'index.html': string;
  'style.css': string;
  'app.js': Uint8Array;
  /** The live view's Web Worker: the model itself, bundled for the browser. */
  'live-worker.js': Uint8Array;
}

const VIZ = path.resolve(import.meta.dirname, '..');
const SCENARIOS = path.resolve(VIZ, '..', 'scenarios');

/** The scenario library of the live view: every scenario file of scenarios/, by name. */
export function scenarioLibrary(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of fs.readdirSync(SCENARIOS).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    out[name.slice(0, -'.json'.length)] = JSON.parse(fs.readFileSync(path.join(SCENARIOS, name), 'utf8'));
  }
  return out;
}

function bundle(entry: string, library: Record<string, unknown>): Uint8Array {
  const result = buildSync({
    entryPoints: [path.join(VIZ, 'src', entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
    define: { ICITY_SCENARIOS: JSON.stringify(library) },
  });
  return result.outputFiles[0].contents;
}

/**
 * Bundles the viewer's TypeScript (viz/src), d3 and, for the live view's worker, the model
 * (sim/) into ES modules, in memory, when the server starts (esbuild takes about a second),
 * so there is no build step to forget and nothing is fetched from a CDN.
 */
export function bundleViewer(): ViewerAssets {
  return {
    'index.html': fs.readFileSync(path.join(VIZ, 'static', 'index.html'), 'utf8'),
    'style.css': fs.readFileSync(path.join(VIZ, 'static', 'style.css'), 'utf8'),
    'app.js': bundle('main.ts', scenarioLibrary()),
    'live-worker.js': bundle(path.join('live', 'liveWorker.ts'), {}),
  };
}
