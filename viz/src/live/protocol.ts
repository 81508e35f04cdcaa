/**
 * Messages between the live view (main thread) and a town's Web Worker. Everything here is
 * plain data: a worker owns its town's state, the page only sees copies of what it draws.
 * One request is in flight per worker at a time, so every reply answers the last request.
 */
import type { CalendarEvent, Column, GroupInfo } from '../data/runManifest.ts';
import type { DistrictMetric } from '../data/framesHeader.ts';

/** A knob as the page shows it: a slider (or a switch when `step` is 1 on 0..1 and `toggle`). */
export interface KnobInfo {
  id: string;
  label: string;
  help: string;
  group: string;
  min: number;
  max: number;
  step: number;
  unit: string;
  toggle: boolean;
  /** live: applies from the day it is changed; restart: an initial condition, the town starts again. */
  mode: 'live' | 'restart';
  /** Its value in the scenario as loaded (before any setting of the page). */
  value: number;
  /** Why it is not available for this scenario, if it is not. */
  disabled?: string;
}

/** A mid-run change: from the day after `day`, knob `id` has `value`. */
export interface LiveChange {
  day: number;
  id: string;
  value: number;
}

/** What defines a live town: a scenario, a seed, knob values from day 0 and changes after. */
export interface TownSetup {
  /** The scenario as its JSON file has it (before defaults). */
  scenario: unknown;
  /** Where the scenario came from, for messages: a library name or a dropped file's name. */
  file?: string;
  seed: number;
  /** Knob values from day 0, by knob id (knobs not named keep the scenario's value). */
  knobs: Record<string, number>;
  changes: LiveChange[];
}

export interface TownInfo {
  name: string;
  description: string;
  days: number;
  residents: number;
  columns: Column[];
  groups: GroupInfo[];
  calendar: CalendarEvent[];
  knobs: KnobInfo[];
  width: number;
  height: number;
  boxes: [number, number, number, number][];
  districtMetrics: DistrictMetric[];
  /** The scenario file this town reproduces with `icity run` (seed, knobs and changes included). */
  scenarioFile: unknown;
  hash: string;
  version: string;
}

/** One simulated day: its indicators (in `columns` order) and, when asked for, its map. */
export interface DayResult {
  day: number;
  values: Float64Array;
  grid?: Uint8Array;
  districts?: Float32Array;
}

export type Request =
  | { type: 'load'; setup: TownSetup; to: number }
  | { type: 'advance'; to: number; frames: 'last' | 'all' }
  | { type: 'change'; change: LiveChange };

export type Reply =
  | { type: 'loaded'; info: TownInfo; days: DayResult[]; seconds: number }
  | { type: 'advanced'; days: DayResult[]; seconds: number }
  | { type: 'changed'; info: TownInfo }
  | { type: 'error'; message: string };
