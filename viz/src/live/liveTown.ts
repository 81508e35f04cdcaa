import { Simulation } from '../../../sim/engine/simulation.ts';
import { DISTRICT_INDICATORS } from '../../../sim/model/indicators.ts';
import { districtBox } from '../../../sim/model/grid.ts';
import { formatNumber } from '../../../sim/engine/csv.ts';
import pkg from '../../../package.json' with { type: 'json' };
import { KNOBS } from './knobs.ts';
import { isPolicyKnob, policyKnobInfos } from './policyKnobs.ts';
import { liveScenario, type LiveScenario } from './liveScenario.ts';
import type { DayResult, KnobInfo, LiveChange, TownInfo, TownSetup } from './protocol.ts';

/**
 * One town of the live view: the model's own `Simulation`, on one thread, defined by a setup
 * (scenario, seed, knobs, changes). Policy changes are entries of the scenario, so a town
 * whose policies change is rebuilt and run again to the day it had reached; other live
 * knobs change the running town in place on their day.
 */
export class LiveTown {
  readonly sim: Simulation;
  live: LiveScenario;
  private readonly districtValues: Float32Array;

  constructor(readonly setup: TownSetup) {
    this.setup = structuredClone(setup);
    this.live = liveScenario(this.setup);
    this.sim = new Simulation(this.live.scenario);
    this.districtValues = new Float32Array(this.sim.world.sizes.districts * DISTRICT_INDICATORS.length);
  }

  get day(): number {
    return this.sim.day;
  }

  /** Simulates the next day, first applying the changes made on the day it starts from. */
  advance(): void {
    for (const c of this.live.inPlace) if (c.day === this.sim.day) KNOBS.find((k) => k.id === c.id)!.apply!(this.sim, c.value);
    this.sim.advance();
  }

  /** Whether a change can be made to the running town (else the town is rebuilt with it). */
  static inPlace(change: LiveChange): boolean {
    return !isPolicyKnob(change.id) && KNOBS.some((k) => k.id === change.id && k.mode === 'live');
  }

  /** Makes a live change to the running town from the next day on (see `inPlace`). */
  change(change: LiveChange): void {
    if (!LiveTown.inPlace(change) || change.day !== this.day)
      throw new Error(`a change of ${change.id} on day ${change.day} cannot be made to the town on day ${this.day}`);
    this.setup.changes.push(change);
    const { file, inPlace } = liveScenario(this.setup);
    this.live = { scenario: this.live.scenario, file, inPlace };
  }

  /** Today's indicators in column order, rounded as metrics.csv rounds them. */
  values(): Float64Array {
    const c = this.sim.census;
    return Float64Array.from(this.sim.columns, (ind) => Number(formatNumber(ind.value(c))));
  }

  result(withFrame: boolean): DayResult {
    const out: DayResult = { day: this.sim.day, values: this.values() };
    if (withFrame) {
      const w = this.sim.world;
      out.grid = w.dwellings.cell.slice();
      const M = DISTRICT_INDICATORS.length;
      for (let d = 0; d < w.sizes.districts; d++) for (let m = 0; m < M; m++) this.districtValues[d * M + m] = DISTRICT_INDICATORS[m].value(this.sim.census, d);
      out.districts = this.districtValues.slice();
    }
    return out;
  }

  info(hash: string): TownInfo {
    const sc = this.live.scenario;
    const base = liveScenario({ ...this.setup, knobs: {}, changes: [] }).scenario;
    const knobs: KnobInfo[] = KNOBS.map(({ id, label, help, group, min, max, step, unit, toggle, mode, read, disabled }) => ({
      id,
      label,
      help,
      group,
      min,
      max,
      step,
      unit,
      toggle,
      mode,
      value: read(base),
      disabled: disabled?.(base),
    }));
    const w = this.sim.world;
    return {
      name: sc.name,
      description: sc.description ?? '',
      days: sc.days,
      residents: this.sim.census.total(this.sim.census.residents),
      columns: this.sim.columns.map(({ name, unit, description, better }) => ({ name, unit, description, better })),
      groups: sc.population.groups.map((g) => ({ name: g.name, share: g.share, host: g.host })),
      calendar: this.sim.calendar(),
      knobs: [...knobs, ...policyKnobInfos(base.policies as { type: string }[])],
      width: w.sizes.width,
      height: w.sizes.height,
      boxes: Array.from({ length: w.sizes.districts }, (_, d) => districtBox(this.sim.city.grid, d)),
      districtMetrics: DISTRICT_INDICATORS.map(({ name, unit, description }) => ({ name, unit, description })),
      scenarioFile: this.live.file,
      hash,
      version: pkg.version,
    };
  }
}

/** The hash `icity run` writes to manifest.json (sha-256 of the scenario after defaults). */
export async function scenarioHash(town: LiveTown): Promise<string> {
  if (!globalThis.crypto?.subtle) return '';
  const bytes = new TextEncoder().encode(JSON.stringify(town.live.scenario));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
