import fs from 'node:fs';
import path from 'node:path';
import { startViewServer, type ViewServer } from './viewServer.ts';
import { DEFAULT_VIEW_PORT } from '../../sim/cli/viewCommand.ts';

/**
 * `npm start`: the viewer on the live teaching town at once (the model runs in the browser,
 * nothing is computed first), with the replay of the default experiment a click away when
 * experiments/default has been run. Port 8417, or a free one when it is busy. Stops with
 * npm: on a signal, or when the process that started it goes away.
 */
const EXPERIMENT = path.join('experiments', 'default');
const hasExperiment = fs.existsSync(path.join(EXPERIMENT, 'manifest.json'));

async function listen(): Promise<ViewServer> {
  const options = { dir: hasExperiment ? EXPERIMENT : undefined, host: '127.0.0.1' };
  try {
    return await startViewServer({ ...options, port: DEFAULT_VIEW_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    process.stdout.write(`Port ${DEFAULT_VIEW_PORT} is busy; using a free port instead.\n`);
    return startViewServer({ ...options, port: 0 });
  }
}

const server = await listen();
const lines = [
  'Interethnic City: the live teaching town (the model runs in your browser)',
  `  ${server.url}?live=teaching`,
  hasExperiment
    ? `Replay of the default experiment (${EXPERIMENT}): ${server.url}?view=overview`
    : `To replay an experiment here too, run it first: node bin/icity.js experiment scenarios/experiments/default.json --out ${EXPERIMENT}`,
  'Open the address in a browser; press Ctrl+C here to stop.',
  '',
];
process.stdout.write(lines.join('\n'));

const stop = () => void server.close().then(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
// npm may end without passing its signal on: a server whose parent is gone stops too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();
