import fs from 'node:fs';
import path from 'node:path';
import type { AgentFilter, Target } from '../../../scenarios/schema/calibration.ts';
import { LANGUAGE_LEVELS } from '../../../scenarios/schema/calibration.ts';
import { pearson } from '../pearson.ts';

/**
 * The simulated value of each target in one replication, read from its run folders: the
 * point's run and the runs of its arms with the same seed. Metrics come from metrics.csv;
 * measures over residents from agents.csv at the end of the run.
 */

/** A CSV table written by a run (no quoted fields: its names are plain words). */
interface Table {
  header: string[];
  rows: string[][];
}

function readTable(file: string): Table {
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes('"')) throw new Error(`${file}: has quoted fields, which a run's tables never have; the folder is damaged`);
  const lines = text.trimEnd().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function column(t: Table, file: string, name: string): number {
  const k = t.header.indexOf(name);
  if (k < 0) throw new Error(`${file}: has no column "${name}"; the run was written by another version`);
  return k;
}

/** Reads each run folder's tables once, however many targets use them. */
export class RunTables {
  private metrics = new Map<string, Table>();
  private agents = new Map<string, Table>();

  metric(runDir: string, metric: string, day: number): number {
    const file = path.join(runDir, 'metrics.csv');
    let t = this.metrics.get(runDir);
    if (!t) this.metrics.set(runDir, (t = readTable(file)));
    const d = column(t, file, 'day');
    const row = t.rows.find((r) => Number(r[d]) === day);
    if (!row) throw new Error(`${file}: has no row for day ${day}`);
    const cell = row[column(t, file, metric)];
    return cell === '' ? Number.NaN : Number(cell);
  }

  agentRows(runDir: string): { file: string; table: Table } {
    const file = path.join(runDir, 'agents.csv');
    let t = this.agents.get(runDir);
    if (!t) {
      if (!fs.existsSync(file)) throw new Error(`${file}: is missing; calibration runs write their residents at the end`);
      this.agents.set(runDir, (t = readTable(file)));
    }
    return { file, table: t };
  }
}

function selected(t: Table, file: string, filter: AgentFilter | undefined, hostGroup: string): string[][] {
  if (!filter) return t.rows;
  const g = column(t, file, 'group');
  const a = column(t, file, 'age_class');
  const y = column(t, file, 'years_since_arrival');
  const { who, ageClass, yearsSinceArrival } = filter;
  return t.rows.filter((r) => {
    if (who === 'hosts' && r[g] !== hostGroup) return false;
    if (who === 'migrants' && r[g] === hostGroup) return false;
    if (ageClass && !ageClass.includes(r[a] as 'child' | 'adult' | 'elder')) return false;
    if (yearsSinceArrival) {
      if (r[y] === '') return false;
      const years = Number(r[y]);
      if (yearsSinceArrival.min !== undefined && years < yearsSinceArrival.min) return false;
      if (yearsSinceArrival.max !== undefined && years > yearsSinceArrival.max) return false;
    }
    return true;
  });
}

/**
 * One target's value in one replication. `runDir(arm)` is the folder of the point's run
 * (arm undefined) or of its arm's run with the same seed; `hostGroup` names the host group.
 */
export function targetValue(t: Target, tables: RunTables, runDir: (arm?: string) => string, hostGroup: string): number {
  switch (t.type) {
    case 'metric':
      return tables.metric(runDir(t.arm), t.metric, t.day);
    case 'effect':
      return tables.metric(runDir(t.arm), t.metric, t.day) - tables.metric(runDir(t.versus), t.metric, t.day);
    case 'correlation': {
      const { file, table } = tables.agentRows(runDir(t.arm));
      const rows = selected(table, file, t.filter, hostGroup);
      const x = column(table, file, t.x);
      const y = column(table, file, t.y);
      const pairs = rows.filter((r) => r[x] !== '' && r[y] !== '');
      const transform = t.xTransform === 'log1p' ? Math.log1p : (v: number) => v;
      return pearson(
        pairs.map((r) => transform(Number(r[x]))),
        pairs.map((r) => Number(r[y])),
      );
    }
    case 'languageShare': {
      const { file, table } = tables.agentRows(runDir(t.arm));
      const rows = selected(table, file, t.filter, hostGroup);
      if (!rows.length) return Number.NaN;
      const k = column(table, file, 'language_level');
      const lowest = LANGUAGE_LEVELS.indexOf(t.atLeast);
      return rows.filter((r) => LANGUAGE_LEVELS.indexOf(r[k] as (typeof LANGUAGE_LEVELS)[number]) >= lowest).length / rows.length;
    }
  }
}
