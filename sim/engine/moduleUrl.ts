/**
 * The address of a sibling module for a worker thread to load: `./x.ts` when running from
 * the TypeScript sources, `./x.js` when running from the compiled package (dist/lib).
 */
export function siblingModule(name: string, base: string): URL {
  return new URL(base.endsWith('.ts') ? name : name.replace(/\.ts$/, '.js'), base);
}
