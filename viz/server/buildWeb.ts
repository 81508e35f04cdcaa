import fs from 'node:fs';
import path from 'node:path';
import { bundleViewer } from './bundleViewer.ts';
import { servedJson } from './viewServer.ts';

/**
 * `npm run build:web`: the viewer with its live view as a static site in dist/web/, for any
 * static file host (or a folder opened through one). The folder is written beside its place
 * and renamed into it, so a failed build leaves the last good one; a dist/web/ that this
 * build did not write is left alone.
 */
const OUT = path.resolve(process.argv[2] ?? path.join('dist', 'web'));
const MARKER = '.icity-web';

/** For hosts that read a _headers file (Netlify, Cloudflare Pages): cross-origin isolation for the workers. */
const HEADERS = '/*\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n  X-Content-Type-Options: nosniff\n';

if (fs.existsSync(OUT) && !fs.existsSync(path.join(OUT, MARKER))) {
  process.stderr.write(`${OUT}: exists and was not written by npm run build:web; move it away or name another folder (npm run build:web -- DIR)\n`);
  process.exit(2);
}
const assets = bundleViewer();
const tmp = `${OUT}.partial-${process.pid}`;
fs.mkdirSync(tmp, { recursive: true });
for (const [name, body] of Object.entries(assets)) fs.writeFileSync(path.join(tmp, name), body);
fs.writeFileSync(path.join(tmp, '_headers'), HEADERS);
fs.writeFileSync(path.join(tmp, 'served.json'), servedJson(false));
fs.writeFileSync(path.join(tmp, MARKER), 'Written by npm run build:web; the next build replaces this folder.\n');
const old = `${OUT}.old-${process.pid}`;
if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
fs.renameSync(tmp, OUT);
fs.rmSync(old, { recursive: true, force: true });
const bytes = Object.values(assets).reduce((n, b) => n + (typeof b === 'string' ? Buffer.byteLength(b) : b.byteLength), 0);
process.stdout.write(
  `Static site in ${OUT} (${Object.keys(assets).length} files, ${Math.round(bytes / 1024)} KB): serve it from any static file host and open index.html.\n`,
);
