import path from 'node:path';
import { InputError } from '../../inputError.ts';
import { armScenario, type Override } from '../armScenario.ts';
import type { Arm } from '../arm.ts';
import { drawableRows, drawPosterior } from './drawPosterior.ts';
import { readPosterior } from './readPosterior.ts';

/** The draw scheme, as the manifest and the report name it. */
export const DRAW_SCHEME = 'weighted sampling without replacement (Efraimidis & Spirakis 2006), keyed by the experiment seed';

/** At most this many lines about drawn parameter sets that are not valid scenarios. */
const MAX_DRAW_PROBLEMS = 10;

/** One parameter set drawn from the posterior. */
export interface PosteriorDraw {
  /** 1-based: replications (draw − 1) · seedsPerDraw + 1 to draw · seedsPerDraw run with it. */
  draw: number;
  /** The row of posterior.csv, 1 being the first row after the header (its line is row + 1). */
  row: number;
  weight: number;
  /** The parameter values by scenario path. */
  values: Record<string, number>;
}

/** What a posterior experiment records in its manifest and summarises by. */
export interface PosteriorRecord {
  /** posterior.csv, resolved. */
  file: string;
  sha256: string;
  columns: string[];
  /** Rows in the file, and those with a positive weight (the ones that can be drawn). */
  rows: number;
  drawableRows: number;
  seedsPerDraw: number;
  /** The seed of the draws: the experiment's seed (or its first seed). */
  seed: number;
  scheme: string;
  draws: PosteriorDraw[];
}

export interface PosteriorInput {
  /** The experiment file, for messages and relative paths. */
  file: string;
  scenarioFile: string;
  rawScenario: unknown;
  baseOverrides: Override[];
  posterior: string;
  draws: number;
  seedsPerDraw: number;
  seed: number;
}

/**
 * Reads the posterior, draws its parameter sets and gives every arm its scenario under each
 * draw: the base scenario, the experiment's overrides, the draw's values, then the arm's own
 * overrides and policies, so an arm that sets a calibrated path itself keeps its value in
 * every draw. A value the scenario schema refuses is reported against its line and column.
 * The experiment's own "set" (or --set) may not give a calibrated path: the draw would
 * silently overrule it.
 */
export function planPosterior(input: PosteriorInput, arms: Arm[]): PosteriorRecord {
  const { file, scenarioFile, rawScenario, baseOverrides } = input;
  const posteriorFile = path.resolve(path.dirname(file), input.posterior);
  const p = readPosterior(posteriorFile, `${file}: parameters.posterior`);
  const problems: string[] = [];
  const drawable = drawableRows(p.weights);
  if (input.draws > drawable) {
    problems.push(
      `${file}: parameters.draws: found ${input.draws}; ${posteriorFile} has ${drawable} row${drawable === 1 ? '' : 's'} with a positive weight, so at most ${drawable} draws (each parameter set is drawn once)`,
    );
  }
  for (const o of baseOverrides) {
    const column = p.columns.find((c) => o.key === c || o.key.startsWith(`${c}.`));
    if (column)
      problems.push(
        `${o.file ?? file}: ${o.where}: the posterior (parameters.posterior) gives "${column}" in every replication, so this value would never be used; remove it, or set it in an arm to keep it there`,
      );
  }
  if (problems.length) throw new InputError(problems);

  const rows = drawPosterior(p.weights, input.draws, input.seed);
  const cell = (row: number, k: number): Override => ({
    key: p.columns[k],
    value: p.values[row][k],
    where: `line ${row + 2}, column "${p.columns[k]}"`,
    file: posteriorFile,
  });
  // A column that is no scenario field fails in every row: said once, against the header.
  p.columns.forEach((column, k) => {
    try {
      armScenario(file, scenarioFile, rawScenario, [...baseOverrides, cell(rows[0], k)], [], '');
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const line of err.problems) {
        const at = line.search(/unknown field|has no field|is a list|no item|not a field name/);
        if (at >= 0)
          problems.push(
            `${posteriorFile}: line 1, column ${k + 1}: found "${column}", which is not a scenario path the scenario schema accepts: ${line.slice(at)}`,
          );
      }
    }
  });
  if (problems.length) throw new InputError([...new Set(problems)]);

  let bad = 0;
  for (const arm of arms) {
    arm.byDraw = [];
    for (const row of rows) {
      try {
        const drawn = p.columns.map((_, k) => cell(row, k));
        arm.byDraw.push(armScenario(file, scenarioFile, rawScenario, [...baseOverrides, ...drawn, ...arm.overrides], arm.policies, arm.where));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        bad++;
        for (const line of err.problems) if (problems.length < MAX_DRAW_PROBLEMS && !problems.includes(line)) problems.push(line);
      }
    }
  }
  if (bad) {
    problems.push(
      `${file}: parameters: ${bad} of ${rows.length * arms.length} arm scenarios under the drawn parameter sets are not valid; the lines above say why`,
    );
    throw new InputError(problems);
  }
  return {
    file: posteriorFile,
    sha256: p.sha256,
    columns: p.columns,
    rows: p.values.length,
    drawableRows: drawable,
    seedsPerDraw: input.seedsPerDraw,
    seed: input.seed,
    scheme: DRAW_SCHEME,
    draws: rows.map((row, i) => ({
      draw: i + 1,
      row: row + 1,
      weight: p.weights[row],
      values: Object.fromEntries(p.columns.map((c, k) => [c, p.values[row][k]])),
    })),
  };
}
