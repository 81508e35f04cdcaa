import fs from 'node:fs';

/** Name and version of this package, read once from its package.json. */
let cached: { name: string; version: string } | undefined;
export function packageInfo(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(fs.readFileSync(packageJson(), 'utf8')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}

/** The package's own package.json: two folders up from the sources, four from the compiled dist/lib/sim/engine. */
function packageJson(): URL {
  const fromSources = new URL('../../package.json', import.meta.url);
  return fs.existsSync(fromSources) ? fromSources : new URL('../../../../package.json', import.meta.url);
}
