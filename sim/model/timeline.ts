import type { Scenario } from '../../scenarios/schema/scenario.ts';
import { Env, type World } from './world.ts';

/**
 * Today's state of the scenario's shocks, applied serially before the day's phases: the
 * media-shock level, downturn multipliers, arrivals from waves, and the political cut.
 */
export interface TimelineToday {
  /** Residents arriving today from waves, by group. */
  waveArrivals: Float64Array;
  /** Share of unprotected programmes cut from today (0 before any political change). */
  cut: number;
}

export function applyTimeline(world: World, day: number, today: TimelineToday): void {
  const sc: Scenario = world.scenario;
  const env = world.env;
  let media = 0;
  let buffer = 0;
  let hire = 1;
  let loss = 1;
  today.waveArrivals.fill(0);
  today.cut = 0;
  const groups = sc.population.groups;
  for (const e of sc.timeline) {
    if (e.day > day) continue;
    switch (e.type) {
      case 'media': {
        const level = e.strength * 0.5 ** ((day - e.day) / e.halfLifeDays);
        if (level > media) {
          media = level;
          buffer = e.buffer;
        }
        break;
      }
      case 'downturn':
        if (day < e.day + e.durationDays) {
          hire *= e.hireMultiplier;
          loss *= e.jobLossMultiplier;
        }
        break;
      case 'arrivalWave':
        if (day < e.day + e.durationDays) today.waveArrivals[groups.findIndex((g) => g.name === e.group)] += e.arrivals / e.durationDays;
        break;
      case 'politicalChange':
        today.cut = Math.max(today.cut, e.cut);
        break;
    }
  }
  env[Env.media] = media;
  env[Env.mediaBuffer] = buffer;
  env[Env.hireMultiplier] = hire;
  env[Env.jobLossMultiplier] = loss;
}

/** The calendar of a scenario for the viewer: shocks, policy starts and stops. */
export function calendar(sc: Scenario, policyNames: string[]): { day: number; kind: string; label: string }[] {
  const out: { day: number; kind: string; label: string }[] = [];
  for (const e of sc.timeline) {
    const label =
      e.label ??
      (e.type === 'media'
        ? `media shock (+${e.strength})`
        : e.type === 'downturn'
          ? `downturn (${e.durationDays} days)`
          : e.type === 'arrivalWave'
            ? `${e.arrivals} ${e.group} arrive over ${e.durationDays} days`
            : `political change (cut ${Math.round(e.cut * 100)}%)`);
    out.push({ day: e.day, kind: e.type, label });
  }
  sc.policies.forEach((p, k) => {
    const entry = p as { start: number; stop: number };
    if (entry.start <= sc.days) out.push({ day: entry.start, kind: 'policy-start', label: `${policyNames[k]} starts` });
    if (entry.stop < sc.days) out.push({ day: entry.stop, kind: 'policy-stop', label: `${policyNames[k]} stops` });
  });
  return out.sort((a, b) => a.day - b.day || a.kind.localeCompare(b.kind));
}
