import path from 'node:path';
import { writeFileAtomic } from '../runFolder.ts';
import { summarise } from '../experiment/summarise.ts';
import { cityCharacteristics, type CityCharacteristics } from './characteristics.ts';
import { csvLine } from '../csv.ts';
import { readTransferManifest, TRANSFER_FILES, type TransferManifest } from './transferFolder.ts';
import { cityRows, transferCsv, type TransferRow } from './transferRows.ts';
import { renderTransferReport } from './transferReport.ts';

export interface TransferSummary {
  dir: string;
  manifest: TransferManifest;
  rows: TransferRow[];
  characteristics: Map<string, CityCharacteristics>;
  files: string[];
}

/**
 * Summarises every city's experiment from its runs on disk, then writes transfer.csv and
 * report.md over all cities; a resumed transfer experiment summarises to the same bytes.
 * Throws (naming them) while any city's runs are missing.
 */
export function summariseTransfer(dir: string): TransferSummary {
  const m = readTransferManifest(dir);
  const rows: TransferRow[] = [];
  const characteristics = new Map<string, CityCharacteristics>();
  for (const city of m.cities) {
    const cityDir = path.join(dir, city.dir);
    const s = summarise(cityDir);
    rows.push(...cityRows(city, s.rows));
    characteristics.set(city.name, cityCharacteristics(cityDir, m.replications, city.groups));
  }
  writeFileAtomic(path.join(dir, 'transfer.csv'), transferCsv(rows));
  writeFileAtomic(path.join(dir, 'cities.csv'), citiesCsv(m, characteristics));
  writeFileAtomic(path.join(dir, 'report.md'), renderTransferReport(m, rows, characteristics));
  return { dir: path.resolve(dir), manifest: m, rows, characteristics, files: [...TRANSFER_FILES] };
}

export const CITY_COLUMNS = ['city', 'label', 'residents', 'migrant_share', 'groups', 'segregation', 'language_gap', 'employment_gap'] as const;

function citiesCsv(m: TransferManifest, chars: Map<string, CityCharacteristics>): string {
  return (
    CITY_COLUMNS.join(',') +
    '\n' +
    m.cities
      .map((city) => {
        const c = chars.get(city.name)!;
        return csvLine([city.name, city.label, city.residents, c.migrantShare, c.groups, c.segregation, c.languageGap, c.employmentGap]);
      })
      .join('')
  );
}
