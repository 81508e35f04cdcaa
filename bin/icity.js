#!/usr/bin/env node
// The icity command: loads the TypeScript sources through tsx and runs the command line.
import { tsImport } from 'tsx/esm/api';

const { mainAsync } = await tsImport('../sim/cli.ts', import.meta.url);
process.exitCode = await mainAsync(process.argv.slice(2));
