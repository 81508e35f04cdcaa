import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.ts';
import type { CalibrationInput } from '../../scenarios/schema/calibration.ts';

/** A small city for calibration tests: a few hundred residents in 2 × 2 districts. */
export const SMALL_SET = { 'population.residents': 600, 'city.districtsX': 2, 'city.districtsY': 2 };

export function calibrationInput(change: (c: CalibrationInput) => void = () => {}): CalibrationInput {
  const c: CalibrationInput = {
    kind: 'calibration',
    name: 'small-city',
    scenario: path.join(ROOT, 'scenarios', 'default.json'),
    set: { ...SMALL_SET },
    days: 20,
    replications: 2,
    parameters: [{ path: 'contact.positiveEffect', min: 0.001, max: 0.02, scale: 'log' }],
    targets: [
      { type: 'metric', name: 'prejudice_host', metric: 'prejudice_host', day: 20, value: 0.33, sd: 0.01, source: 'a test value' },
      {
        type: 'correlation',
        name: 'host_contact_prejudice',
        x: 'outgroup_contacts',
        y: 'prejudice',
        filter: { who: 'hosts' },
        value: -0.2,
        sd: 0.1,
        source: 'a test value',
      },
    ],
    runs: 8,
    waves: 2,
  };
  change(c);
  return c;
}

export function writeCalibration(dir: string, name: string, change?: (c: CalibrationInput) => void): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(calibrationInput(change), null, 2));
  return file;
}
