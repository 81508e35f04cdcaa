import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icity, readCsv, ROOT, tempDir } from '../helpers.ts';
import { LiveTown } from '../../viz/src/live/liveTown.ts';
import type { TownSetup } from '../../viz/src/live/protocol.ts';

const dir = tempDir('icity-live-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const teaching = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'teaching.json'), 'utf8'));

function runLive(setup: TownSetup, days: number): { header: string[]; rows: number[][]; town: LiveTown } {
  const town = new LiveTown(setup);
  const rows = [[0, ...town.values()]];
  while (town.day < days) {
    town.advance();
    rows.push([town.day, ...town.values()]);
  }
  return { header: ['day', ...town.sim.columns.map((c) => c.name)], rows, town };
}

function runCli(file: unknown, days: number, name: string): { header: string[]; rows: number[][] } {
  const scenarioFile = path.join(dir, `${name}.json`);
  fs.writeFileSync(scenarioFile, JSON.stringify(file));
  const out = path.join(dir, name);
  const r = icity(['run', scenarioFile, '--days', String(days), '--workers', '2', '--out', out, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readCsv(path.join(out, 'metrics.csv'));
}

describe('a live town', () => {
  it('gives the same metrics as icity run for the same scenario, seed and days', () => {
    const live = runLive({ scenario: teaching, seed: 3, knobs: {}, changes: [] }, 40);
    const cli = runCli({ ...teaching, seed: 3 }, 40, 'plain');
    expect(live.header).toEqual(cli.header);
    expect(live.rows).toEqual(cli.rows);
  });

  it('exports a scenario file that icity run turns into the same town, policies switched mid-run included', () => {
    const setup: TownSetup = {
      scenario: teaching,
      seed: 2,
      knobs: { similarity: 0.3, 'school.cooperation': 0.9, 'policy.welcomingCampaign': 0 },
      changes: [
        { day: 10, id: 'policy.welcomingCampaign', value: 1 },
        { day: 20, id: 'policy.guarantors', value: 1 },
        { day: 25, id: 'policy.welcomingCampaign', value: 0 },
      ],
    };
    const live = runLive(setup, 35);
    const policies = (live.town.live.file.policies as { type: string; start?: number; stop?: number }[]).map((p) => [p.type, p.start, p.stop]);
    expect(policies).toEqual([
      ['guarantors', 21, undefined],
      ['welcomingCampaign', 11, 25],
    ]);
    const cli = runCli(live.town.live.file, 35, 'policies');
    expect(live.header).toEqual(cli.header);
    expect(live.rows).toEqual(cli.rows);
  });

  it('changes its dynamics from the day a live knob moves, and not before', () => {
    const plain = runLive({ scenario: teaching, seed: 1, knobs: {}, changes: [] }, 30);
    const changed = runLive({ scenario: teaching, seed: 1, knobs: {}, changes: [{ day: 10, id: 'similarity', value: 0.8 }] }, 30);
    expect(changed.rows.slice(0, 11)).toEqual(plain.rows.slice(0, 11));
    const moved = (rows: number[][]) => rows[30][plain.header.indexOf('percent_similar')];
    expect(moved(changed.rows)).toBeGreaterThan(moved(plain.rows) + 1);
    expect(changed.town.live.file.description).toMatch(/similarity = 0.8 from day 11/);
  });

  it('reports a knob that makes the scenario invalid by field, value and what is allowed', () => {
    expect(() => new LiveTown({ scenario: teaching, seed: 1, knobs: { similarity: 7 }, changes: [] })).toThrow(/housing\.similarityThreshold.*7/);
  });
});
