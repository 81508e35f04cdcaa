import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseScenario } from '../sim/engine/loadScenario.ts';
import { readJsonFile } from '../sim/engine/readJson.ts';
import { applyOverrides } from '../sim/engine/overrides.ts';
import type { Scenario } from '../scenarios/schema/scenario.ts';
import { InputError } from '../sim/engine/inputError.ts';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'icity.js');

/** A scenario file of the project with overrides, as `--set` would apply them. */
export function scenarioFrom(file: string, sets: Record<string, unknown> = {}): Scenario {
  const raw = readJsonFile(path.join(ROOT, 'scenarios', file));
  return parseScenario(
    applyOverrides(
      raw,
      Object.entries(sets).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    ),
    file,
  );
}

/** A small two-group city for mechanism tests. */
export function smallCity(sets: Record<string, unknown> = {}): Scenario {
  return scenarioFrom('default.json', { 'population.residents': 3000, 'city.districtsX': 2, 'city.districtsY': 2, ...sets });
}

export function tempDir(prefix = 'icity-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real icity command in a child process. */
export function icity(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ICITY_DEBUG: '' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs icity on a bad input and checks the refusal: exit 2, the expected line, no stack trace, nothing at `out`. */
export function expectRefused(args: string[], out: string, expected: RegExp): void {
  const r = icity(args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(expected);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(out)).toBe(false);
}

export function readCsv(file: string): { header: string[]; rows: number[][] } {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',').map(Number)) };
}

/** The problem lines of the InputError that `fn` throws; fails when it throws nothing or another error. */
export function inputProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError, and nothing was thrown');
}

/** A CSV file as objects, with numbers where a cell is one (and the text otherwise). */
export function csvObjects(file: string): Record<string, string | number>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v !== '' && Number.isFinite(Number(v)) ? Number(v) : v])));
}
