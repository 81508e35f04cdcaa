/**
 * The cost of writing residents as CSV and as Parquet, measured in one process on the same
 * city so the ratio holds even on a busy machine: builds the default city (1,000,000
 * residents unless told otherwise), then writes its residents alternately to agents.csv and
 * agents.parquet, `--runs` times each, and prints the medians.
 *   npx tsx bench/tableWriters.ts [--residents 1000000] [--runs 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Simulation } from '../sim/engine/simulation.ts';
import { AgentTable } from '../sim/engine/tables/agentTable.ts';
import { loadScenario } from '../sim/engine/loadScenario.ts';
import { median } from './median.ts';

const { values } = parseArgs({ options: { residents: { type: 'string' }, runs: { type: 'string' } } });
const residents = Number(values.residents ?? 1_000_000);
const runs = Number(values.runs ?? 3);

const scenario = loadScenario(new URL('../scenarios/default.json', import.meta.url).pathname, [`population.residents=${residents}`, 'record.frames=false']);
const sim = new Simulation(scenario);
sim.advance();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icity-bench-writers-'));
const seconds: Record<'csv' | 'parquet', number[]> = { csv: [], parquet: [] };
const bytes: Record<'csv' | 'parquet', number> = { csv: 0, parquet: 0 };
try {
  for (let k = 0; k < runs; k++) {
    for (const f of ['csv', 'parquet'] as const) {
      const start = performance.now();
      const table = new AgentTable(path.join(scratch, 'agents'), [f], false);
      table.write(sim.world, sim.day);
      table.close();
      seconds[f].push((performance.now() - start) / 1000);
      bytes[f] = fs.statSync(path.join(scratch, `agents.${f}`)).size;
    }
  }
} finally {
  sim.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
const csv = median(seconds.csv);
const parquet = median(seconds.parquet);
process.stdout.write(
  [
    `${residents.toLocaleString('en-US')} residents, one snapshot, medians of ${runs} alternating writes in one process (load ${os.loadavg()[0].toFixed(1)}):`,
    `  agents.csv      ${csv.toFixed(2)} s, ${(bytes.csv / 1e6).toFixed(1)} MB`,
    `  agents.parquet  ${parquet.toFixed(2)} s, ${(bytes.parquet / 1e6).toFixed(1)} MB`,
    `  Parquet / CSV: ${(parquet / csv).toFixed(2)}× the time, ${(bytes.parquet / bytes.csv).toFixed(2)}× the size`,
    '',
  ].join('\n'),
);
