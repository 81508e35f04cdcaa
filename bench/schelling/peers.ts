import { createRequire } from 'node:module';
import { runAgentscript } from './agentscript.ts';
import type { SchellingPeer } from './contract.ts';
import { runFlocc } from './flocc.ts';
import { runReference } from './reference.ts';

/**
 * The peers our engine's Schelling run is compared with, in the order a table should list them.
 * Versions are read from the installed packages so a report says what was actually measured.
 */

const require = createRequire(import.meta.url);

function installedVersion(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

export const peers: SchellingPeer[] = [
  {
    name: 'reference',
    version: `node ${process.versions.node}`,
    runs: 'hand-written typed-array loop (speed-of-light reference)',
    run: runReference,
  },
  {
    name: 'flocc',
    version: installedVersion('flocc'),
    runs: "flocc's Segregation example (Terrain pixels), two ticks per step",
    run: runFlocc,
  },
  {
    name: 'agentscript',
    version: installedVersion('agentscript'),
    runs: "NetLogo's Segregation in agentscript Model/turtles/patches, headless",
    run: runAgentscript,
  },
];
