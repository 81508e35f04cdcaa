/**
 * Set by the prebuilt command line (bin/cliBundle.js) in each of its files: that file's
 * address. Undefined when running from the TypeScript sources or the compiled package.
 */
declare const ICITY_BUNDLE_URL: string | undefined;

/**
 * The address of a sibling module for a worker thread to load: `./x.ts` when running from
 * the TypeScript sources, `./x.js` when running from the compiled package (dist/lib), and
 * the bundle's `x.js` when running from the prebuilt command line, whose entry points
 * (ENTRIES in bin/cliBundle.js) include every module a worker thread starts from.
 */
export function siblingModule(name: string, base: string): URL {
  if (typeof ICITY_BUNDLE_URL === 'string') return new URL(`./${name.replace(/^.*\//, '').replace(/\.ts$/, '.js')}`, ICITY_BUNDLE_URL);
  // The pathname: tsx may add a query to a module's address.
  return new URL(new URL(base).pathname.endsWith('.ts') ? name : name.replace(/\.ts$/, '.js'), base);
}
