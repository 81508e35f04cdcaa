import { InputError } from '../engine/inputError.ts';
import { summarise } from '../engine/experiment/summarise.ts';
import { parseFlags } from './args.ts';
import { isTransferFolder } from '../engine/transfer/transferFolder.ts';
import { summariseTransfer } from '../engine/transfer/summariseTransfer.ts';
import type { CommandSpec } from './commandSpec.ts';

export const summariseSpec = {
  name: 'summarise',
  args: '<experiment_dir>',
  summary:
    'Builds summary.csv, series.csv, series.parquet and report.md of an experiment folder (transfer.csv and its report for a transfer experiment) from its finished runs.',
  details: 'Every run file is read strictly: a damaged cell, row or manifest is reported with its file and line, and exit 2.',
  flags: {
    json: { type: 'boolean', help: 'print a JSON summary on stdout' },
  },
} as const satisfies CommandSpec;

export function summariseCommand(argv: string[]): void {
  const { values, positionals } = parseFlags(summariseSpec, argv);
  if (positionals.length !== 1)
    throw new InputError([`icity summarise: expected one experiment folder, found ${positionals.length} (usage: icity summarise <experiment_dir>)`]);
  if (isTransferFolder(positionals[0])) {
    const t = summariseTransfer(positionals[0]);
    process.stdout.write(
      values.json
        ? JSON.stringify({ dir: t.dir, name: t.manifest.name, rows: t.rows.length, files: t.files }) + '\n'
        : `Summarised transfer ${t.manifest.name}: ${t.manifest.cities.length} cities; wrote ${t.files.join(', ')} in ${t.dir}\n`,
    );
    return;
  }
  const s = summarise(positionals[0]);
  if (values.json) process.stdout.write(JSON.stringify({ dir: s.dir, name: s.manifest.name, rows: s.rows.length, files: s.files }) + '\n');
  else
    process.stdout.write(
      `Summarised ${s.manifest.name}: ${s.manifest.arms.length} arms × ${s.manifest.seeds.length} replications; wrote ${s.files.join(', ')} in ${s.dir}\n`,
    );
}
