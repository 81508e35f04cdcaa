import { FieldReader } from './checkFields.ts';
import { ViewerError } from './viewerError.ts';

/** The run-folder format version this viewer reads (sim/engine/runCity.ts). */
export const RUN_FORMAT_VERSION = 1;

export interface Column {
  name: string;
  unit: string;
  description: string;
  /** 1: higher is better, -1: lower is better, 0: neither. */
  better: number;
}

export interface CalendarEvent {
  day: number;
  kind: string;
  label: string;
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
}

/** Checks a run's manifest.json: format, version, and the fields the viewer uses. */
export function readRunManifest(file: string, json: Record<string, unknown>): RunManifest {
  const f = new FieldReader(file, json);
  f.format('icity-run', RUN_FORMAT_VERSION);
  const columns = f.array('columns').map((c, i) => {
    const r = new FieldReader(`${file} columns[${i}]`, asObject(file, c, `columns[${i}]`));
    const better = r.optional('better');
    return { name: r.string('name'), unit: r.string('unit'), description: r.string('description'), better: typeof better === 'number' ? better : 0 };
  });
  const calendar = f.array('calendar').map((e, i) => {
    const r = new FieldReader(`${file} calendar[${i}]`, asObject(file, e, `calendar[${i}]`));
    return { day: r.number('day'), kind: r.string('kind'), label: r.string('label') };
  });
  const residents = new FieldReader(file, f.object('residents'));
  return {
    scenarioName: f.string('scenarioName'),
    seed: f.number('seed'),
    days: f.count('days'),
    residents: residents.number('initial'),
    columns,
    groups: readGroups(f),
    calendar: calendar.sort((a, b) => a.day - b.day),
    hasFrames: 'frames.json' in f.object('files'),
  };
}

function readGroups(f: FieldReader): GroupInfo[] {
  const names = f.array('groups').map((g) => String(g));
  const scenario = f.optional('scenario') as { population?: { groups?: { name?: unknown; share?: unknown; host?: unknown }[] } } | undefined;
  const declared = scenario?.population?.groups ?? [];
  return names.map((name) => {
    const g = declared.find((d) => d.name === name);
    return { name, share: typeof g?.share === 'number' ? g.share : 0, host: g?.host === true };
  });
}

function asObject(file: string, v: unknown, where: string): Record<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  throw new ViewerError(file, `${where} is not an object`);
}
