import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseScenario } from '../../sim/engine/loadScenario.ts';
import { readJsonFile } from '../../sim/engine/readJson.ts';
import { runCity } from '../../sim/engine/runCity.ts';
import { ROOT, tempDir } from '../helpers.ts';

/**
 * Golden outputs: short seeded runs of every scenario file, reduced to the sha256 of the
 * files a user reads. A refactor must leave every digest unchanged; a deliberate change of
 * the model updates them (`npx tsx test/golden/record.ts --update`) in the same commit.
 */
export const GOLDEN_FILE = path.join(import.meta.dirname, 'digests.json');
const DAYS = 30;
const RESIDENTS = 2000;
/** Policies start by this day, so every policy of a scenario acts within the short run. */
const LATEST_START = 3;
const FILES = ['metrics.csv', 'frames.json', 'frames.bin', 'agents.csv'];

export function goldenScenarios(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
}

/** The digests of one scenario's short run, by output file. */
export function goldenRun(file: string): Record<string, string> {
  const raw = readJsonFile(path.join(ROOT, 'scenarios', file)) as Record<string, any>;
  raw.days = DAYS;
  raw.population = { ...raw.population, residents: Math.min(RESIDENTS, raw.population?.residents ?? RESIDENTS) };
  raw.record = { ...raw.record, frames: true, framesEvery: 1 };
  raw.policies = (raw.policies ?? []).map((p: Record<string, any>) => ({ ...p, start: Math.min(p.start ?? 0, LATEST_START) }));
  // Shocks too fall within the run, a day apart, in their order.
  raw.timeline = (raw.timeline ?? []).map((e: Record<string, any>, k: number) => ({ ...e, day: Math.min(e.day ?? 1, LATEST_START + 2 + k) }));
  const scenario = parseScenario(raw, file);
  const dir = tempDir('icity-golden-');
  const out = path.join(dir, 'run');
  try {
    runCity(scenario, { out, agents: true, workers: 1 });
    const digests: Record<string, string> = {};
    for (const name of FILES)
      digests[name] = createHash('sha256')
        .update(fs.readFileSync(path.join(out, name)))
        .digest('hex');
    return digests;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function readGolden(): Record<string, Record<string, string>> {
  return JSON.parse(fs.readFileSync(GOLDEN_FILE, 'utf8'));
}
