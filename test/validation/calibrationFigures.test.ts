import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { CHECKS } from '../../sim/validation/checks.ts';
import { calibrationFiguresSection, defaultCityTargets } from '../../sim/validation/calibrationFigures.ts';

describe('calibration figures in the validation report', () => {
  const section = calibrationFiguresSection(CHECKS, defaultCityTargets());

  it('lists every target of the default city calibration, and names the checks none of whose figures is one', () => {
    const text = section.join('\n');
    for (const t of defaultCityTargets()) expect(text).toContain(`| ${t.name} | ${t.value} ± ${t.sd} |`);
    const held = CHECKS.filter((c) => !c.calibrationTargets?.length);
    expect(held.length).toBeGreaterThan(0);
    for (const c of held) expect(text).toContain(c.title);
  });

  it('every target a check names is a target of the calibration file', () => {
    const names = defaultCityTargets().map((t) => t.name);
    for (const c of CHECKS) for (const t of c.calibrationTargets ?? []) expect(names, c.id).toContain(t);
  });

  it('docs/VALIDATION.md holds the section as the generator writes it', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'VALIDATION.md'), 'utf8')).toContain(section.join('\n'));
  });
});
