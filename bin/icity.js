#!/usr/bin/env node
// The icity command: loads the TypeScript sources through tsx and runs the command line.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../sim/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
