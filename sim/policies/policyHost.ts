import type { World } from '../model/world.ts';
import type { DayPolicies } from '../model/step.ts';
import { Purpose, Stream } from '../model/stream.ts';
import { policyByType, policyName, type PolicyEntry } from './registry.ts';
import type { Policy, PolicyDay } from './policy.ts';

interface Running {
  entry: PolicyEntry;
  plugin: Policy;
  name: string;
  /** Keys the policy's random stream: from its name, so adding other policies (another arm) leaves its draws alone. */
  key: number;
  state: unknown;
  spent: number;
  today: number;
  active: boolean;
  groups: Uint8Array;
  districts: Uint8Array;
}

/**
 * Runs a scenario's policies: each day, on the main thread, after the step has put every
 * lever back to neutral, lets each active policy set its levers (those that declare
 * `runsFirst` before the others), tracking spending against budgets and political cuts.
 */
export class PolicyHost implements DayPolicies {
  readonly running: Running[];
  private readonly stream: Stream;
  private readonly effectiveness: Float32Array;

  constructor(private readonly world: World) {
    const sc = world.scenario;
    const groups = sc.population.groups;
    const D = world.sizes.districts;
    this.stream = new Stream(world.root);
    this.effectiveness = new Float32Array(D).fill(1);
    this.running = sc.policies
      .map((raw) => raw as PolicyEntry)
      .map((entry) => {
        const plugin = policyByType(entry.type);
        const g = new Uint8Array(groups.length);
        groups.forEach((grp, k) => {
          const byDefault = plugin.defaultTarget === 'all' || (plugin.defaultTarget === 'hosts') === grp.host;
          g[k] = (entry.target ? entry.target.includes(grp.name) : byDefault) ? 1 : 0;
        });
        const d = new Uint8Array(D);
        for (let k = 0; k < D; k++) d[k] = !entry.districts || entry.districts.includes(k) ? 1 : 0;
        const name = policyName(entry);
        return { entry, plugin, name, key: nameKey(name), state: plugin.setup?.(entry, world), spent: 0, today: 0, active: false, groups: g, districts: d };
      })
      .sort((a, b) => Number(b.plugin.runsFirst === true) - Number(a.plugin.runsFirst === true));
  }

  /** Names in scenario order, for columns and the calendar. */
  names(): string[] {
    return this.world.scenario.policies.map((p) => policyName(p as PolicyEntry));
  }

  /** Spending today of the policy with this name. */
  spendingOf(name: string): number {
    return this.running.find((r) => r.name === name)?.today ?? 0;
  }

  spendingToday(): number {
    let s = 0;
    for (const r of this.running) s += r.today;
    return s;
  }

  beforeDay(day: number, cut: number, residentsIn: Float64Array): void {
    const w = this.world;
    this.effectiveness.fill(1);
    for (const r of this.running) {
      r.today = 0;
      const scale = r.entry.protected ? 1 : 1 - cut;
      const budgetLeft = r.entry.budget - r.spent;
      const active = day >= r.entry.start && day <= r.entry.stop && scale > 0 && budgetLeft > 0;
      if (!active) {
        if (r.active) r.plugin.end?.(r.entry, r.state, w);
        r.active = false;
        continue;
      }
      r.active = true;
      const ctx: PolicyDay = {
        world: w,
        day,
        stream: this.stream.reset(Purpose.policy, day, 0, r.key),
        scale,
        budgetLeft,
        effectiveness: this.effectiveness,
        residentsIn,
        inDistrict: (d) => r.districts[d] === 1,
        forGroup: (g) => r.groups[g] === 1,
      };
      r.today = Math.min(budgetLeft, Math.max(0, r.plugin.apply(r.entry, r.state, ctx)));
      r.spent += r.today;
    }
  }
}

/** FNV-1a hash of a policy's name. */
function nameKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
