import { runFlocc } from '../schelling/flocc.ts';

/**
 * flocc's Schelling as a whole process, the peer of a whole `icity run`:
 *   node --import tsx bench/endToEnd/floccProcess.ts <width> <threshold> <steps> <seed> <density>
 * Builds the grid, runs every step and prints one JSON line: the result and the process's CPU time.
 */
const [width, threshold, steps, seed, density] = process.argv.slice(2).map(Number);
const result = runFlocc({ width, height: width, threshold, steps, seed, density });
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ...result, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssBytes: usage.maxRSS * 1024 })}\n`);
