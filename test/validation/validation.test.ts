import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { passed, type CheckResult } from '../../sim/validation/check.ts';
import { runChecks } from '../../sim/validation/run.ts';
import { CHECKS } from '../../sim/validation/checks.ts';
import { compareIndices, loadIndexTestData } from '../../sim/validation/indicesCheck.ts';
import { judgeInfoTab } from '../../sim/validation/schellingCheck.ts';
import { judgeCorrelation } from '../../sim/validation/contactPrejudiceCheck.ts';
import { judgeEmployment } from '../../sim/validation/employmentCheck.ts';
import { judgeCourse } from '../../sim/validation/languageCourseCheck.ts';
import { markdownReport, summaryLine, textTable } from '../../sim/validation/report.ts';
import { defaultCityTargets } from '../../sim/validation/calibrationFigures.ts';
import { runNetLogoSegregation } from '../../sim/validation/netlogoSegregation.ts';
import { ROOT, tempDir } from '../helpers.ts';

const RUNNER = path.join(ROOT, 'sim', 'validation', 'run.ts');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function validate(args: string[]) {
  const r = spawnSync(process.execPath, [TSX, RUNNER, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ICITY_DEBUG: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const row = (r: CheckResult, k: number) => r.rows[k];

describe('the validation checks at quick sizes', () => {
  let results: CheckResult[];
  const byId = (id: string) => results.find((r) => r.id === id)!;
  beforeAll(() => {
    results = runChecks('quick');
  }, 400_000);

  it('runs every check and each says what it compared, how, and with which commands', () => {
    expect(results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
    for (const r of results) {
      expect(r.size).toBe('quick');
      expect(r.rows.length).toBeGreaterThan(0);
      for (const x of r.rows) for (const field of [x.quantity, x.published, x.source, x.ours]) expect(field.trim()).not.toBe('');
      expect(r.rows.some((x) => x.status !== 'info')).toBe(true);
      expect(r.method.length).toBeGreaterThan(200);
      expect(r.commands.length).toBeGreaterThan(0);
      for (const v of Object.values(r.values)) expect(Number.isFinite(v)).toBe(true);
      // A failing check explains itself; a passing one has nothing to explain.
      expect(r.explanation !== undefined).toBe(!passed(r));
    }
  });

  it('the classic Schelling scenario passes against NetLogo at small size', () => {
    const s = byId('schelling');
    expect(passed(s)).toBe(true);
    expect(row(s, 0).status).toBe(judgeInfoTab(s.values.percentSimilar30) ? 'pass' : 'fail');
    // The engine and the port of NetLogo's rules reach about the same segregation.
    expect(Math.abs(s.values.percentSimilar30 - s.values.netlogoRule30)).toBeLessThan(3);
  });

  it('the indices reproduce the published values exactly', () => {
    const s = byId('indices');
    expect(passed(s)).toBe(true);
    expect(s.values.failing).toBe(0);
    expect(s.rows.filter((x) => x.status === 'pass').length).toBe(5);
  });

  it('the model checks judge their measured values by their stated bands', () => {
    const contact = byId('contact');
    expect(contact.values.r).toBeLessThan(0);
    expect(row(contact, 0).status).toBe(judgeCorrelation(contact.values.r) ? 'pass' : 'fail');
    const emp = byId('employment');
    const j = judgeEmployment(emp.values as never);
    expect(row(emp, 0).status).toBe(j.ordered ? 'pass' : 'fail');
    expect(row(emp, 1).status).toBe(j.gap ? 'pass' : 'fail');
    const lang = byId('language');
    const c = judgeCourse(lang.values.b1Share, lang.values.a2ShareOfRest);
    expect(lang.values.learners).toBeGreaterThan(50);
    expect(row(lang, 0).status).toBe(c.b1 ? 'pass' : 'fail');
    expect(row(lang, 1).status).toBe(c.a2 ? 'pass' : 'fail');
  });

  it('the report carries every row, the verdicts and the explanations', () => {
    const md = markdownReport(results, {
      command: 'npm run validate -- --quick',
      size: 'quick',
      version: '0.0.0',
      seconds: 1,
      calibrationTargets: defaultCityTargets(),
    });
    const table = md.split('\n').filter((l) => results.some((r, k) => l.startsWith(`| ${k + 1} | ${r.title} |`)));
    expect(table.length).toBe(results.reduce((n, r) => n + r.rows.length, 0));
    for (const r of results) {
      expect(md).toContain(`(${passed(r) ? 'pass' : 'FAIL'})`);
      if (r.explanation) expect(md).toContain(r.explanation);
    }
    expect(md).toContain(summaryLine(results));
    expect(textTable(results).split('\n').length).toBe(table.length + 2);
  });
});

describe('pass/fail decisions', () => {
  it('the index comparison fails when a published value is not met', () => {
    const data = loadIndexTestData();
    expect(compareIndices(data).rows.every((r) => r.status !== 'fail')).toBe(true);
    const wrongD = structuredClone(data);
    wrongD.dissimilarity.cases[1].expected = 0.6 + 1e-6;
    expect(compareIndices(wrongD).rows[0].status).toBe('fail');
    const wrongH = structuredClone(data);
    wrongH.mutual.expected.H.value = 0.99;
    expect(compareIndices(wrongH).rows[1].status).toBe('fail');
    expect(compareIndices(wrongH).rows[0].status).toBe('pass');
  });

  it('bands accept values inside and refuse values outside', () => {
    expect(judgeInfoTab(70)).toBe(true);
    expect(judgeInfoTab(75.3)).toBe(true);
    expect(judgeInfoTab(60)).toBe(false);
    expect(judgeInfoTab(80)).toBe(false);
    expect(judgeCorrelation(-0.21)).toBe(true);
    expect(judgeCorrelation(-0.66)).toBe(false);
    expect(judgeCorrelation(-0.01)).toBe(false);
    expect(judgeCorrelation(0.2)).toBe(false);
    expect(judgeEmployment({ first5: 0.58, from5to10: 0.62, after10: 0.7, host: 0.72, gap: 0.08 })).toEqual({ ordered: true, gap: true });
    expect(judgeEmployment({ first5: 0.58, from5to10: 0.62, after10: 0.75, host: 0.72, gap: 0.12 })).toEqual({ ordered: false, gap: false });
    expect(judgeCourse(0.5, 0.9)).toEqual({ b1: true, a2: true });
    expect(judgeCourse(0.8, 0.4)).toEqual({ b1: false, a2: false });
  });
});

describe("the port of NetLogo's Segregation", () => {
  it('is reproducible, settles at low thresholds and never at 80% within the cap', () => {
    const a = runNetLogoSegregation({ size: 21, density: 90, wanted: 30, maxTicks: 100, seed: 4 });
    expect(runNetLogoSegregation({ size: 21, density: 90, wanted: 30, maxTicks: 100, seed: 4 })).toEqual(a);
    expect(a.settled).toBe(true);
    expect(a.percentSimilar).toBeGreaterThan(60);
    expect(a.agents).toBeGreaterThan(0.8 * 21 * 21);
    const none = runNetLogoSegregation({ size: 21, density: 90, wanted: 0, maxTicks: 100, seed: 4 });
    expect(none.ticks).toBe(0);
    expect(none.percentSimilar).toBeGreaterThan(40);
    expect(none.percentSimilar).toBeLessThan(60);
    const strict = runNetLogoSegregation({ size: 21, density: 90, wanted: 80, maxTicks: 30, seed: 4 });
    expect(strict.settled).toBe(false);
    expect(strict.ticks).toBe(30);
  });
});

describe('npm run validate', () => {
  it('prints the table and writes the report whole', () => {
    const dir = tempDir('icity-validate-');
    const out = path.join(dir, 'VALIDATION.md');
    const r = validate(['--quick', '--only', 'indices', '--out', out]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dissimilarity D');
    expect(r.stdout).toContain('1 of 1 checks pass');
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Validation against published results/);
    expect(md).toContain('## 1. Segregation indices vs the R package segregation (pass)');
    expect(fs.readdirSync(dir)).toEqual(['VALIDATION.md']);
  });

  it('refuses bad flags with one line per problem and exit code 2', () => {
    const r = validate(['--only', 'indices,nosuch', '--out', ' ']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      '--only: found "nosuch"; checks are schelling, indices, contact, employment, language',
      '--out: found an empty path; expected a file to write the report to',
    ]);
    const bad = validate(['--fast']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--fast');
  });
});
