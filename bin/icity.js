#!/usr/bin/env node
// The icity command: runs the command line from its prebuilt bundle, or from the TypeScript
// sources through tsx when there is none (bin/cliBundle.js says which and when).
import { loadCli } from './cliBundle.js';

// A reader that stops early (`icity schema | head -1`) closes the pipe: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let cli;
try {
  cli = await loadCli();
} catch (err) {
  process.stderr.write(`icity: ${err?.message ?? err}\n`);
  process.exit(err?.code === 'ICITY_LOADER' ? 2 : 1);
}
process.exitCode = await cli.main(process.argv.slice(2));
