import fs from 'node:fs';

/** Name and version of this package, read once from its package.json. */
let cached: { name: string; version: string } | undefined;
export function packageInfo(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
