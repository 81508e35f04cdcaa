import fs from 'node:fs';
import path from 'node:path';
import { writeExperiment } from '../experiment/fixtures.ts';

/** A small posterior.csv over two calibrated paths of the default scenario; one row of weight 0. */
export const POSTERIOR_CSV = [
  'contact.positiveEffect,labour.discrimination,weight',
  '0.002,0.2,1',
  '0.004,0.3,1',
  '0.008,0.4,2',
  '0.006,0.1,0',
  '0.003,0.35,1',
  '',
].join('\n');

/** Writes posterior.csv (or `csv`) into `dir`. */
export function writePosterior(dir: string, csv = POSTERIOR_CSV, name = 'posterior.csv'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, csv);
  return file;
}

/**
 * The small test experiment (1,000 residents, 12 days) over the fixture posterior: 2 draws ×
 * 2 seeds, a baseline and an arm that meets the contact conditions in schools and workplaces.
 */
export function writePosteriorExperiment(dir: string, name: string, edit: (e: Record<string, any>) => void = () => {}): string {
  return writeExperiment(dir, name, (e) => {
    e.name = 'small-posterior';
    e.set['population.residents'] = 1000;
    e.days = 12;
    delete e.replications;
    e.parameters = { posterior: 'posterior.csv', draws: 2, seedsPerDraw: 2 };
    e.metrics = ['prejudice_host', 'prejudice_migrant', 'negative_share'];
    e.reportDays = [6, 'end'];
    edit(e);
  });
}
