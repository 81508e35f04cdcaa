import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/** The viewer's files as the server sends them: the page, its style and its one script. */
export interface ViewerAssets {
  'index.html': string;
  'style.css': string;
  'app.js': Uint8Array;
}

const VIZ = path.resolve(import.meta.dirname, '..');

/**
 * Bundles the viewer's TypeScript (viz/src) and d3 from node_modules into one ES module, in
 * memory, when the server starts (esbuild takes a fraction of a second), so there is no
 * build step to forget and nothing is fetched from a CDN.
 */
export function bundleViewer(): ViewerAssets {
  const result = buildSync({
    entryPoints: [path.join(VIZ, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  return {
    'index.html': fs.readFileSync(path.join(VIZ, 'static', 'index.html'), 'utf8'),
    'style.css': fs.readFileSync(path.join(VIZ, 'static', 'style.css'), 'utf8'),
    'app.js': result.outputFiles[0].contents,
  };
}
