import type { Scenario } from '../../../scenarios/schema/scenario.ts';
import { scenarioSchema } from '../../../sim/policies/scenarioSchema.ts';
import { describeIssues } from '../../../sim/engine/issues.ts';
import { policyName } from '../../../sim/policies/registry.ts';
import { POLICIES } from '../../../sim/policies/registry.ts';
import { KNOBS, type RawScenario } from './knobs.ts';
import { isPolicyKnob, mainParam, policyKnobId, policyParamId } from './policyKnobs.ts';
import type { LiveChange, TownSetup } from './protocol.ts';

export interface LiveScenario {
  scenario: Scenario;
  /** The scenario file that `icity run` turns into the same town. */
  file: RawScenario;
  /** Changes the running town applies on their day (those a scenario file cannot express). */
  inPlace: LiveChange[];
}

/** Parses a scenario object as `icity run` does; a problem names the field, the value and what is allowed. */
export function parseLiveScenario(raw: unknown, file: string): Scenario {
  const result = scenarioSchema.safeParse(raw);
  if (!result.success) throw new Error(describeIssues(file, raw, result.error.issues, scenarioSchema).slice(0, 20).join('\n'));
  return result.data;
}

/**
 * The scenario of a live town: the file as loaded, with the seed and the knobs' day-0 values
 * written in, and each policy switched on or off, or given a new parameter, on the day the
 * page did it (as entries with start and stop days, so the CLI runs the very same town).
 */
export function liveScenario(setup: TownSetup): LiveScenario {
  const file = setup.file ?? 'scenario';
  const base = parseLiveScenario(setup.scenario, file);
  const raw = structuredClone(setup.scenario) as RawScenario;
  raw.seed = setup.seed;
  for (const knob of KNOBS) {
    const v = setup.knobs[knob.id];
    if (v !== undefined && !knob.disabled?.(base)) knob.write(raw, v, base);
  }
  const touchesPolicies = [...Object.keys(setup.knobs), ...setup.changes.map((c) => c.id)].some(isPolicyKnob);
  if (touchesPolicies) raw.policies = policyEntries(raw, setup);
  const inPlace = setup.changes
    .filter((c) => !isPolicyKnob(c.id) && c.day > 0 && KNOBS.some((k) => k.id === c.id && k.mode === 'live'))
    .sort((a, b) => a.day - b.day);
  if (inPlace.length) {
    const said = inPlace.map((c) => `${c.id} = ${c.value} from day ${c.day + 1}`).join('; ');
    raw.description = `${String(raw.description ?? '')} Live view changes that a scenario file cannot hold (not in this file): ${said}.`.trim();
  }
  return { scenario: parseLiveScenario(raw, `${file} (with the live settings)`), file: raw, inPlace };
}

type Entry = Record<string, unknown> & { type: string; start?: number; stop?: number; name?: string };

function policyEntries(raw: RawScenario, setup: TownSetup): Entry[] {
  const given = ((raw.policies as Entry[] | undefined) ?? []).map((e) => ({ ...e }));
  const byType = new Map<string, Entry[]>();
  for (const p of POLICIES) {
    const param = mainParam(p);
    const ofType = given.filter((e) => e.type === p.type);
    const onAtStart = setup.knobs[policyKnobId(p.type)] ?? (ofType.length ? 1 : 0);
    const paramId = param ? policyParamId(p.type, param.field) : '';
    let value = param ? setup.knobs[paramId] : undefined;
    const entries: Entry[] = [];
    if (onAtStart) {
      if (ofType.length) entries.push(...ofType.map((e) => (value !== undefined && param ? { ...e, [param.field]: value } : e)));
      else entries.push(value !== undefined && param ? { type: p.type, [param.field]: value } : { type: p.type });
    }
    let on = Boolean(onAtStart);
    const start = (day: number) => {
      const entry: Entry = { type: p.type, start: day + 1 };
      if (entries.length) entry.name = `${policyName({ type: p.type })}_from_day_${day + 1}`;
      if (param && value !== undefined) entry[param.field] = value;
      entries.push(entry);
    };
    const stop = (day: number) => {
      for (const e of entries) if ((e.stop ?? Infinity) > day) e.stop = day;
    };
    const changes = setup.changes.filter((c) => c.day > 0 && (c.id === policyKnobId(p.type) || c.id === paramId)).sort((a, b) => a.day - b.day);
    for (const c of changes) {
      if (c.id === paramId) {
        value = c.value;
        if (on) {
          stop(c.day);
          start(c.day);
        }
      } else if (c.value && !on) {
        on = true;
        start(c.day);
      } else if (!c.value && on) {
        on = false;
        stop(c.day);
      }
    }
    byType.set(
      p.type,
      entries.filter((e) => (e.start ?? 0) <= (e.stop ?? Infinity)),
    );
  }
  // The file's order first (the order policies act in), then policies the page added.
  const order = [...new Set([...given.map((e) => e.type), ...POLICIES.map((p) => p.type)])];
  return order.flatMap((type) => byType.get(type) ?? given.filter((e) => e.type === type));
}
