import type { Machine } from './machine.ts';
import type { FullResult } from './full/runConfiguration.ts';
import type { StateBytes } from './full/stateBytes.ts';
import type { SchellingCell } from './schellingSuite.ts';
import type { EndToEndCell, EndToEndPlan } from './endToEnd/schellingEndToEnd.ts';

/** What `npm run bench` writes to bench/results.json. */
export interface BenchResults {
  format: 'icity-bench';
  formatVersion: 1;
  mode: 'full' | 'quick' | 'targets';
  package: { name: string; version: string };
  machine: Machine;
  /** Wall time of the whole benchmark. */
  totalSeconds: number;
  /** 1, 5 and 15 minute load averages at the end (the start's are in machine). */
  loadAverageAtEnd: number[];
  schellingEndToEnd: EndToEndPlan & { scenario: string; cells: EndToEndCell[] };
  fullModel: {
    scenario: string;
    configs: FullResult[];
    state: StateBytes[];
  };
  /** Sao Paulo at its full size. */
  scale: FullResult[];
  schelling: {
    scenario: string;
    steps: number;
    density: number;
    seed: number;
    runners: { id: string; label: string; version: string }[];
    cells: SchellingCell[];
  };
  targets: Target[];
}

export interface Target {
  goal: string;
  /** What was measured, in words and numbers. */
  measured: string;
  /** null when this mode of the benchmark does not measure it. */
  met: boolean | null;
  /** How far the measurement is from the goal: the room to spare when met, the shortfall when missed. */
  margin: string;
}
