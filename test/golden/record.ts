import fs from 'node:fs';
import { GOLDEN_FILE, goldenRun, goldenScenarios, readGolden } from './goldenRuns.ts';

/**
 * Prints which scenarios' golden digests differ from the recorded ones; with `--update`,
 * records the new digests (for a deliberate change of the model, committed with it).
 */
const update = process.argv.includes('--update');
const recorded = fs.existsSync(GOLDEN_FILE) ? readGolden() : {};
const now: Record<string, Record<string, string>> = {};
let changed = 0;
for (const file of goldenScenarios()) {
  now[file] = goldenRun(file);
  const same = JSON.stringify(now[file]) === JSON.stringify(recorded[file]);
  if (!same) changed++;
  console.log(`${same ? 'same   ' : 'CHANGED'} ${file}`);
}
if (update) {
  fs.writeFileSync(GOLDEN_FILE, JSON.stringify(now, null, 2) + '\n');
  console.log(`recorded ${Object.keys(now).length} scenarios in ${GOLDEN_FILE}`);
} else if (changed > 0) process.exitCode = 1;
