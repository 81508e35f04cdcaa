import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.ts';
import { writeExperiment } from '../experiment/fixtures.ts';
import { planExperiment, type ExperimentPlan } from '../../sim/engine/experiment/loadExperiment.ts';

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

/** Where the example experiments' posterior is: the default city's calibration. */
export const EXAMPLE_POSTERIOR = path.join(ROOT, 'scenarios', 'results', 'calibration-default-city', 'posterior.csv');

/** A fixture posterior of `rows` equally weighted parameter sets around the defaults. */
export function fixturePosterior(rows: number): string {
  const lines = ['contact.positiveEffect,labour.discrimination,weight'];
  for (let i = 0; i < rows; i++)
    lines.push(`${(0.002 + (0.004 * i) / Math.max(1, rows - 1)).toFixed(5)},${(0.45 - (0.3 * ((i * 7) % rows)) / rows).toFixed(4)},1`);
  return `${lines.join('\n')}\n`;
}

/**
 * An experiment file of the project as data, with its posterior (if it has one) replaced by a
 * fixture in `dir` with as many rows as it draws, so the file is checked whether or not a
 * calibration's posterior is there yet. Pass `edit` to change it further.
 */
export function withFixturePosterior(file: string, dir: string, edit: (e: Record<string, any>) => void = () => {}): Record<string, any> {
  const e = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(e);
  if (e.parameters) {
    const fixture = path.join(dir, `${path.basename(file, '.json')}-posterior.csv`);
    fs.writeFileSync(fixture, fixturePosterior(Math.max(2, e.parameters.draws)));
    e.parameters.posterior = fixture;
  }
  return e;
}

/** loadExperiment for a file of the project, over a fixture posterior when it has one. */
export function loadExample(file: string, dir: string): ExperimentPlan {
  return planExperiment(file, withFixturePosterior(file, dir));
}
