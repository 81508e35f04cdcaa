import { fileURLToPath } from 'node:url';
import { readJsonFile } from '../engine/readJson.ts';
import { calibrationSchema, type Target } from '../../scenarios/schema/calibration.ts';
import type { CheckResult } from './check.ts';

/** The calibration whose targets the validation report keeps apart from its held-out figures. */
export const DEFAULT_CITY_CALIBRATION = fileURLToPath(new URL('../../scenarios/calibration/default-city.json', import.meta.url));

export function defaultCityTargets(): Target[] {
  return calibrationSchema.parse(readJsonFile(DEFAULT_CITY_CALIBRATION)).targets;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The report's section on which published figures are calibration targets and which are held
 * out: the targets of the default city's calibration, each with the check that uses the same
 * figure, and the checks none of whose figures is a target.
 */
export function calibrationFiguresSection(results: readonly Pick<CheckResult, 'id' | 'title' | 'calibrationTargets'>[], targets: readonly Target[]): string[] {
  const checkOf = (name: string) =>
    results
      .map((r, k) => ({ r, k }))
      .filter(({ r }) => r.calibrationTargets?.includes(name))
      .map(({ r, k }) => `${k + 1}. ${r.title}`);
  const heldOut = results.map((r, k) => ({ r, k })).filter(({ r }) => !r.calibrationTargets?.length);
  return [
    '## Calibration figures and held-out figures',
    '',
    '`scenarios/calibration/default-city.json` calibrates the default city by history matching (docs/calibration.md) to the published figures below. Results computed over its non-implausible set (`posterior.csv`, e.g. experiments over the posterior) are fitted to these figures, so agreeing with them is calibration, not validation. That calibration does not change the model\'s default parameters, which the checks of this report run; each check\'s "Calibration or validation" line says which of its figures set default parameters.',
    '',
    '| calibration target | published value | source | same figure in check |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.name} | ${t.value} ± ${t.sd} | ${cell(t.source)} | ${checkOf(t.name).join('; ') || 'none'} |`),
    '',
    heldOut.length
      ? `Held out from that calibration: every figure of ${heldOut.map(({ r, k }) => `check ${k + 1} (${r.title})`).join(', ')}, and, in the checks named above, the rows their "Calibration or validation" line calls validation.`
      : 'Every check shares a figure with that calibration; the rows each check\'s "Calibration or validation" line calls validation are held out.',
    '',
  ];
}
