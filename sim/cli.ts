import { InputError } from './engine/inputError.ts';
import { runCommand } from './cli/runCommand.ts';
import { validateCommand } from './cli/validateCommand.ts';
import { schemaCommand } from './cli/schemaCommand.ts';
import { experimentCommand } from './cli/experimentCommand.ts';
import { summariseCommand } from './cli/summariseCommand.ts';
import { viewCommand } from './cli/viewCommand.ts';
import { workerCommand } from './cli/workerCommand.ts';
import { packageInfo } from './engine/packageInfo.ts';

const HELP = `icity: the Interethnic City simulation

Usage:
  icity run <scenario.json> [--seed N] [--days N] [--workers N] [--out DIR] [--agents]
            [--agents-every N] [--format csv|parquet|both] [--set path=value ...] [--json]
  icity run --from-manifest <run>/manifest.json --out DIR [--workers N] [--format F] [--json]
  icity experiment <experiment.json> [--reps N] [--workers N] [--out DIR] [--json]
                   [--shard i/n | --queue redis://HOST:PORT/N [--transfer]]
  icity worker --queue redis://HOST:PORT/N [--workers N] [--concurrency N] [--lock-seconds S]
               [--idle S]
  icity summarise <experiment_dir> [--json]
  icity validate <file.json> ...
  icity schema [--write]
  icity view [DIR] [--port N] [--host H]
  icity help | --version

run       simulates a scenario and writes its run folder (default runs/<name>-<seed>/): tables
          as CSV and Parquet (--format both, the default), --agents the residents at the end,
          --agents-every N the residents every N days into one panel table; --from-manifest
          re-runs a recorded run into a new folder, byte for byte
experiment runs a baseline and policy arms with replications (default into experiments/<name>/)
          and reports effects with 95% CIs and costs; finished runs are reused when re-run
          (and sweeps and Morris screening from a "design"); --shard i/n does a batch job's share
          of the runs, --queue puts them on a Redis queue for icity workers on any machine
worker    takes runs from a --queue and writes them into their (shared) experiment folders
summarise builds summary.csv, series.csv, series.parquet and report.md of an experiment folder
validate  checks scenario files; prints "ok", or one line per problem and exits with 2
schema    prints the JSON Schema of scenario files (--write: into scenarios/scenario.schema.json,
          and the experiment files' schema into scenarios/experiment.schema.json)
view      serves the viewer on a run or experiment folder (default: the newest under runs/ or
          experiments/) at http://127.0.0.1:8417/ until stopped; --port 0 picks a free port,
          --host 0.0.0.0 lets other machines connect

Exit codes: 0 done, 1 failed, 2 bad input (a file, field or flag).
`;

/** The icity command. Resolves to the exit code once the work is done. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        runCommand(rest);
        return 0;
      case 'experiment':
        await experimentCommand(rest);
        return 0;
      case 'worker':
        await workerCommand(rest);
        return 0;
      case 'summarise':
        summariseCommand(rest);
        return 0;
      case 'validate':
        validateCommand(rest);
        return 0;
      case 'schema':
        schemaCommand(rest.includes('--write'));
        return 0;
      case 'view':
        await viewCommand(rest);
        return 0;
      case '--version':
      case 'version':
        process.stdout.write(`${packageInfo().version}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return 0;
      default:
        throw new InputError([`icity: unknown command "${command}" (commands: run, experiment, worker, summarise, validate, schema, view, help)`]);
    }
  } catch (err) {
    return failed(command, err);
  }
}

function failed(command: string | undefined, err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(err.problems.join('\n') + '\n');
    return 2;
  }
  process.stderr.write(`icity ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.ICITY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
