import { main } from '../../sim/cli.ts';

/**
 * One full-model configuration in a process of its own, so that the peak memory measured is
 * that configuration's alone:
 *   node --import tsx bench/full/child.ts <icity run arguments>
 * Runs exactly what `icity run <arguments> --json` runs (its summary is the first line of
 * output), then prints one more JSON line: the process's peak resident set size and CPU time,
 * worker threads included.
 */
const exitCode = await main(['run', ...process.argv.slice(2), '--json']);
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    exitCode,
    maxRssBytes: usage.maxRSS * 1024,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  }) + '\n',
);
process.exitCode = exitCode;
