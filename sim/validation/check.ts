/**
 * One validation check: a model result set against a published one. Each check is a file
 * of this folder exporting a `Check`; `checks.ts` lists them and `run.ts` runs them and
 * writes docs/VALIDATION.md. To add one, write `fooCheck.ts` exporting a `Check` and add it
 * to the list: its rows become lines of the summary table, its `method`, `commands` and
 * `details` its section of the report, and `explanation` (given only when a row fails)
 * says why it fails and what would fix it.
 */
export type Size = 'full' | 'quick';

/** How a row turned out; `info` rows report a comparison that is not a pass/fail criterion. */
export type Status = 'pass' | 'fail' | 'info';

export interface Row {
  /** What is compared, e.g. "percent-similar at 30% wanted". */
  quantity: string;
  /** The published value, as the source gives it. */
  published: string;
  /** Where it is published (short citation). */
  source: string;
  /** Our value, with the band or tolerance that decides the status. */
  ours: string;
  status: Status;
}

export interface CheckResult {
  id: string;
  title: string;
  size: Size;
  rows: Row[];
  /** Markdown: how the check is made, the definitions and the sources in full. */
  method: string;
  /** The exact commands and parameters, one per line. */
  commands: string[];
  /** Markdown: further tables (e.g. every threshold or seed). */
  details?: string;
  /** The measured numbers the rows are judged on, by name (for programs and tests). */
  values: Record<string, number>;
  /** Markdown: why a failing row fails and what would fix it; present when a row fails. */
  explanation?: string;
  seconds: number;
  /** Whether the published figure was used to set parameters (calibration) or not (validation), and which. */
  use: string;
  /** Targets of scenarios/calibration/default-city.json that are built on this check's published figures. */
  calibrationTargets?: readonly string[];
}

export interface Check {
  id: string;
  title: string;
  /** Whether the published figure was used to set parameters (calibration) or not (validation), and which. */
  use: string;
  /** Targets of scenarios/calibration/default-city.json that are built on this check's published figures. */
  calibrationTargets?: readonly string[];
  run(size: Size): Omit<CheckResult, 'id' | 'title' | 'size' | 'seconds' | 'use' | 'calibrationTargets'>;
}

/** A check passes when none of its rows fails. */
export function passed(result: Pick<CheckResult, 'rows'>): boolean {
  return result.rows.every((r) => r.status !== 'fail');
}

export const status = (ok: boolean): Status => (ok ? 'pass' : 'fail');
