import { RUN_FORMAT, RUN_FORMAT_VERSION, runManifestSchema, type CalendarEvent } from '../../../sim/formats/runManifest.ts';
import { parseFormat } from './parseFormat.ts';

export type { CalendarEvent };

/** A metric column of metrics.csv, as the viewer uses it. */
export interface Column {
  name: string;
  unit: string;
  description: string;
  /** 1: higher is better, -1: lower is better, 0: neither. */
  better: number;
}

export interface GroupInfo {
  name: string;
  share: number;
  host: boolean;
}

export interface RunManifest {
  scenarioName: string;
  seed: number;
  days: number;
  residents: number;
  columns: Column[];
  groups: GroupInfo[];
  calendar: CalendarEvent[];
  /** Whether the run recorded frames (scenario record.frames). */
  hasFrames: boolean;
  /** Days between rows of metrics.csv (scenario record.every). */
  recordEvery: number;
}

/** Checks a run's manifest.json against its format (sim/formats/runManifest.ts). */
export function readRunManifest(file: string, json: unknown): RunManifest {
  const m = parseFormat(file, json, runManifestSchema, RUN_FORMAT, RUN_FORMAT_VERSION);
  const declared = m.scenario.population.groups;
  return {
    scenarioName: m.scenarioName,
    seed: m.seed,
    days: m.days,
    residents: m.residents.initial,
    columns: m.columns.map((c) => ({ name: c.name, unit: c.unit, description: c.description, better: c.better ?? 0 })),
    groups: m.groups.map((name) => {
      const g = declared.find((d) => d.name === name);
      return { name, share: g?.share ?? 0, host: g?.host === true };
    }),
    calendar: [...m.calendar].sort((a, b) => a.day - b.day),
    hasFrames: 'frames.json' in m.files,
    recordEvery: m.scenario.record?.every ?? 1,
  };
}
