/**
 * `npm run validate`: runs the validation checks (sim/validation/checks.ts), prints the
 * summary table and writes docs/VALIDATION.md whole (temporary file, then rename).
 *
 *   npm run validate [-- --quick] [--only id,id] [--out FILE] [--strict]
 *
 * --quick runs small sizes (under a minute) and writes no report unless --out is given, so
 * a quick run never replaces the full report. Exit codes: 0 done (whatever the checks
 * found; with --strict, 1 when a check fails), 1 failed, 2 bad input.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { InputError } from '../engine/inputError.ts';
import { writeFileAtomic } from '../engine/runFolder.ts';
import { packageInfo } from '../engine/packageInfo.ts';
import { passed, type CheckResult, type Size } from './check.ts';
import { CHECKS } from './checks.ts';
import { markdownReport, summaryLine, textTable } from './report.ts';
import { defaultCityTargets } from './calibrationFigures.ts';

export const DEFAULT_REPORT = fileURLToPath(new URL('../../docs/VALIDATION.md', import.meta.url));

const USAGE = 'usage: npm run validate [-- --quick] [--only ID[,ID...]] [--out FILE] [--strict]';

export interface ValidateOptions {
  size: Size;
  /** Check ids to run (default: all). */
  only?: string[];
  /** Where to write the Markdown report; null: nowhere. */
  out: string | null;
  strict: boolean;
}

/** The flags of `icity validate`; a malformed one is an InputError that shows the usage. */
function readFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true }, out: { type: 'string' }, strict: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (err) {
    throw new InputError([`validate: ${(err as Error).message.replace(/\. To specify a positional argument.*$/, '')}; ${USAGE}`]);
  }
}

/** Reads the command line; bad flags are InputErrors, one line per problem. */
export function parseValidateArgs(argv: string[]): ValidateOptions {
  const v = readFlags(argv);
  const ids = CHECKS.map((c) => c.id);
  const only = v.only
    ?.flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const problems = (only ?? []).filter((id) => !ids.includes(id)).map((id) => `--only: found "${id}"; checks are ${ids.join(', ')}`);
  if (v.out !== undefined && v.out.trim() === '') problems.push('--out: found an empty path; expected a file to write the report to');
  if (problems.length > 0) throw new InputError(problems);
  const size: Size = v.quick ? 'quick' : 'full';
  return { size, only, out: v.out !== undefined ? path.resolve(v.out) : size === 'full' ? DEFAULT_REPORT : null, strict: v.strict ?? false };
}

/** Runs the checks, in report order, at a size. */
export function runChecks(size: Size, only?: string[], progress: (line: string) => void = () => {}): CheckResult[] {
  const chosen = CHECKS.filter((c) => !only || only.includes(c.id));
  return chosen.map((check, k) => {
    progress(`[${k + 1}/${chosen.length}] ${check.title}...`);
    const started = performance.now();
    const result = check.run(size);
    const seconds = (performance.now() - started) / 1000;
    progress(`[${k + 1}/${chosen.length}] ${check.title}: ${passed(result) ? 'pass' : 'FAIL'} (${seconds.toFixed(1)} s)`);
    return { id: check.id, title: check.title, use: check.use, calibrationTargets: check.calibrationTargets, size, seconds, ...result };
  });
}

export function main(argv: string[]): number {
  try {
    const opts = parseValidateArgs(argv);
    const started = performance.now();
    const results = runChecks(opts.size, opts.only, (line) => process.stderr.write(`${line}\n`));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${textTable(results)}\n\n${summaryLine(results)} (${seconds.toFixed(0)} s)\n`);
    if (opts.out) {
      const command = ['npm run validate', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ');
      writeFileAtomic(
        opts.out,
        markdownReport(results, { command, size: opts.size, version: packageInfo().version, seconds, calibrationTargets: defaultCityTargets() }),
      );
      const shown = path.relative(process.cwd(), opts.out);
      process.stdout.write(`Report: ${shown.startsWith('..') ? opts.out : shown}\n`);
    }
    return opts.strict && !results.every(passed) ? 1 : 0;
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`${err.problems.join('\n')}\n`);
      return 2;
    }
    process.stderr.write(`validate: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.ICITY_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
