import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../engine/inputError.ts';
import { intFlag, parseFlags } from './args.ts';
import type { CommandSpec } from './commandSpec.ts';

export const DEFAULT_VIEW_PORT = 8417;

export const viewSpec = {
  name: 'view',
  args: '[DIR]',
  summary: 'Serves the viewer on a run or experiment folder (default: the newest under runs/ or experiments/) until stopped.',
  flags: {
    port: { type: 'string', value: 'N', help: `port to listen on (default ${DEFAULT_VIEW_PORT}; 0 picks a free one)` },
    host: { type: 'string', value: 'H', help: 'address to listen on (default 127.0.0.1; 0.0.0.0 lets other machines connect)' },
  },
} as const satisfies CommandSpec;

/**
 * `icity view [DIR] [--port N] [--host H]`: serves the viewer on a run or experiment folder
 * until stopped. Without DIR it shows the newest folder under runs/ or experiments/.
 * Resolves once listening; a busy port is bad input (exit 2).
 */
export async function viewCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(viewSpec, argv);
  if (positionals.length > 1)
    throw new InputError([`icity view: expected at most one folder, found ${positionals.length} (usage: icity view [DIR] [--port N] [--host H])`]);
  const port = intFlag('port', values.port, 0, 65535) ?? DEFAULT_VIEW_PORT;
  const host = values.host ?? '127.0.0.1';
  if (!/^[0-9A-Za-z.:-]+$/.test(host)) throw new InputError([`--host: found ${JSON.stringify(host)}; expected an address such as 127.0.0.1 or 0.0.0.0`]);
  const dir = positionals[0] ?? newestOutput();
  checkFolder(dir);
  let server: Awaited<ReturnType<typeof import('../../viz/server/viewServer.ts')['startViewServer']>>;
  try {
    // Loaded here: the viewer's server (and esbuild) would slow every other command's start.
    const { startViewServer } = await import('../../viz/server/viewServer.ts');
    server = await startViewServer({ dir, host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new InputError([`icity view: port ${port} on ${host} is busy (another viewer?); choose another with --port N, or --port 0 for a free one`]);
    if (code === 'EACCES') throw new InputError([`icity view: not allowed to listen on port ${port} of ${host}; choose a port above 1023 with --port N`]);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError([`--host: found ${JSON.stringify(host)}; no such address on this machine`]);
    throw err;
  }
  process.stdout.write(`Viewer of ${describe(dir)}\n  ${server.url}\n`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
    process.stdout.write(`  listening on ${host}: other machines that can reach this one can open it too\n`);
  process.stdout.write('Open the address in a browser; press Ctrl+C here to stop.\n');
}

function checkFolder(dir: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new InputError([`${dir}: no such folder (expected a run folder from icity run or an experiment folder from icity experiment)`]);
  }
  if (!stat.isDirectory()) throw new InputError([`${dir}: is a file; expected a run or experiment folder`]);
  if (!fs.existsSync(path.join(dir, 'manifest.json')))
    throw new InputError([`${dir}: has no manifest.json; expected a run folder (icity run) or an experiment folder (icity experiment)`]);
}

function newestOutput(): string {
  const candidates: { dir: string; mtime: number }[] = [];
  for (const parent of ['runs', 'experiments']) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const manifest = path.join(parent, name, 'manifest.json');
      try {
        candidates.push({ dir: path.join(parent, name), mtime: fs.statSync(manifest).mtimeMs });
      } catch {
        // No manifest: not a run or experiment folder, so not a candidate.
      }
    }
  }
  if (candidates.length === 0)
    throw new InputError([
      'icity view: no folder given and none found under runs/ or experiments/ (run icity run or icity experiment first, or name a folder)',
    ]);
  candidates.sort((a, b) => b.mtime - a.mtime);
  return candidates[0].dir;
}

function describe(dir: string): string {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { format?: string; scenarioName?: string; seed?: number; name?: string };
    if (m.format === 'icity-run') return `run ${m.scenarioName} (seed ${m.seed}) in ${dir}`;
    if (m.format === 'icity-experiment') return `experiment ${m.name ?? path.basename(dir)} in ${dir}`;
    if (m.format === 'icity-calibration') return `calibration ${m.name ?? path.basename(dir)} in ${dir}`;
    if (m.format === 'icity-transfer') return `the catalogue of good practices with transfer experiment ${m.name ?? path.basename(dir)} in ${dir}`;
  } catch {
    // The page reports an unreadable manifest, naming the file and the problem.
  }
  return dir;
}
