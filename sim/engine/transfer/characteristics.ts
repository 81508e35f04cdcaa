import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../inputError.ts';
import { runDirName } from '../experiment/experimentFolder.ts';

/** What a city is like at the start, beside which a practice's effects are read. */
export interface CityCharacteristics {
  migrantShare: number;
  groups: number;
  /** Dissimilarity D of migrants vs hosts over census tracts. */
  segregation: number;
  /** 1 − migrants' mean host-language proficiency (hosts are native speakers, 1). */
  languageGap: number;
  /** Employment rate of host adults minus that of migrant adults. */
  employmentGap: number;
}

const COLUMNS = { migrantShare: 'migrant_share', segregation: 'dissimilarity', language: 'language_mean', employmentGap: 'employment_gap' } as const;

/** Day 0 of the baseline's runs (before any programme), averaged over replications. */
export function cityCharacteristics(cityDir: string, replications: number, groups: number): CityCharacteristics {
  const sums = { migrantShare: 0, segregation: 0, language: 0, employmentGap: 0 };
  for (let r = 1; r <= replications; r++) {
    const file = path.join(cityDir, runDirName('baseline', r), 'metrics.csv');
    const text = fs.readFileSync(file, 'utf8');
    const [head, first] = text.split('\n', 2);
    const names = head.split(',');
    const cells = first.split(',');
    for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      const k = names.indexOf(column);
      if (k < 0) throw new InputError([`${file}: has no column ${column}`]);
      sums[key] += Number(cells[k]);
    }
  }
  const mean = (x: number) => x / replications;
  return {
    migrantShare: mean(sums.migrantShare),
    groups,
    segregation: mean(sums.segregation),
    languageGap: 1 - mean(sums.language),
    employmentGap: mean(sums.employmentGap),
  };
}
