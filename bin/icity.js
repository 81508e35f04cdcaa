#!/usr/bin/env node
// The icity command: loads the TypeScript sources through tsx and runs the command line.
import { tsImport } from 'tsx/esm/api';

// A reader that stops early (`icity schema | head -1`) closes the pipe: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await tsImport('../sim/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
