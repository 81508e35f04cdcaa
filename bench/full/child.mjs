// One full-model configuration in a process of its own, so that the peak memory measured is
// that configuration's alone:
//   node bench/full/child.mjs <icity run arguments>
// Runs exactly what `icity run <arguments> --json` runs, loaded as bin/icity.js loads it (the
// prebuilt bundle, or the sources when ICITY_LOADER=sources), so the start-up measured is a
// user's. Its summary is the first line of output; then it prints one more JSON line: the
// process's peak resident set size and CPU time, worker threads included.
import { loadCli } from '../../bin/cliBundle.js';

const { main } = await loadCli();
const exitCode = await main(['run', ...process.argv.slice(2), '--json']);
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    exitCode,
    maxRssBytes: usage.maxRSS * 1024,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  })}\n`,
);
process.exitCode = exitCode;
