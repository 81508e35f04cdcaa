import type { Adapt, DistrictRule, TargetRole, Variant } from '../../../scenarios/schema/transfer.ts';
import { SCALABLE_FIELDS } from '../../../scenarios/schema/transfer.ts';
import { policyByType } from '../../policies/registry.ts';
import type { CityProfile } from './cityProfile.ts';

/** A policy entry as written in a scenario's "policies". */
export type PolicyEntry = Record<string, unknown> & { type: string };

/** A practice fitted to one city, or the reason it cannot be. */
export type Adapted = { ok: true; policy: PolicyEntry; notes: string[] } | { ok: false; why: string };

/** B1 on the proficiency scale (A1..C1 are 0.2..1.0). */
const B1 = 0.6;
const NO_BUDGET = Number.MAX_SAFE_INTEGER;

const count = (x: number) => Math.round(x).toLocaleString('en-US');

/** Residents the practice grows with: all of them, or those of migrant groups. */
export function scaleBase(profile: Pick<CityProfile, 'residents' | 'migrants'>, by: 'residents' | 'migrants'): number {
  return by === 'residents' ? profile.residents : profile.migrants;
}

/**
 * Seats and budget in proportion to the population: a programme sized for 40,000 residents
 * gets a tenth of its seats in a city of 4,000. Seats stay whole, and at least one where
 * the source had any.
 */
export function scaleFields(policy: PolicyEntry, fields: readonly string[], factor: number): { policy: PolicyEntry; notes: string[] } {
  const out: PolicyEntry = { ...policy };
  const notes: string[] = [];
  for (const f of fields) {
    const v = policy[f];
    if (typeof v !== 'number' || (f === 'budget' && v >= NO_BUDGET)) continue;
    const scaled = f === 'seats' ? (v > 0 ? Math.max(1, Math.round(v * factor)) : 0) : v * factor;
    out[f] = scaled;
    notes.push(`${f} ${count(v)} → ${count(scaled)}`);
  }
  return { policy: out, notes };
}

/** The names of the groups that play a role in a city; empty when none does. */
export function groupsByRole(role: TargetRole, profile: Pick<CityProfile, 'groups'>): string[] {
  const migrants = profile.groups.filter((g) => !g.host);
  switch (role) {
    case 'migrants':
      return migrants.map((g) => g.name);
    case 'largestMigrantGroup': {
      // The first listed wins a tie, so the choice does not depend on sort stability.
      const largest = migrants.reduce<(typeof migrants)[number] | undefined>((best, g) => (!best || g.share > best.share ? g : best), undefined);
      return largest ? [largest.name] : [];
    }
    case 'recentArrivals':
      return migrants.filter((g) => g.arrives).map((g) => g.name);
    case 'belowB1':
      return migrants.filter((g) => g.language < B1).map((g) => g.name);
    case 'hosts':
      return profile.groups.filter((g) => g.host).map((g) => g.name);
    case 'all':
      return profile.groups.map((g) => g.name);
  }
}

/** What a role means, to finish "serves ..." and "none of its groups is ...". */
const ROLE_WORDS: Record<TargetRole, string> = {
  migrants: 'a migrant group',
  largestMigrantGroup: 'the largest migrant group',
  recentArrivals: 'a group arriving during the run',
  belowB1: 'a migrant group starting below B1',
  hosts: 'the host group',
  all: 'a group',
};

/**
 * Districts chosen by a rule from the city at day 0. mostSegregated ranks districts by how
 * far their share of the city's migrants is from their share of its hosts, |m_d/M − h_d/H|,
 * each district's term of the dissimilarity index (Duncan & Duncan 1955).
 */
export function districtsByRule(
  rule: Exclude<DistrictRule, 'asSource'>,
  n: number,
  profile: Pick<CityProfile, 'districts' | 'districtMigrants' | 'districtHosts'>,
): number[] {
  const all = Array.from({ length: profile.districts }, (_, d) => d);
  if (rule === 'all') return all;
  const M = profile.districtMigrants.reduce((s, x) => s + x, 0) || 1;
  const H = profile.districtHosts.reduce((s, x) => s + x, 0) || 1;
  const score = (d: number) => {
    const m = profile.districtMigrants[d];
    const h = profile.districtHosts[d];
    return rule === 'mostSegregated' ? Math.abs(m / M - h / H) : m + h > 0 ? m / (m + h) : 0;
  };
  const ranked = all.sort((a, b) => score(b) - score(a) || a - b);
  return ranked.slice(0, Math.min(n, ranked.length)).sort((a, b) => a - b);
}

/** Whether a policy type serves target groups (place-based policies serve everyone there). */
export function hasTarget(type: string): boolean {
  const schema = policyByType(type).schema as unknown as { shape?: Record<string, unknown> };
  return Boolean(schema.shape && 'target' in schema.shape);
}

export interface AdaptContext {
  /** Population of the source city, when the practice came from one. */
  source?: Pick<CityProfile, 'residents' | 'migrants'>;
  city: CityProfile;
}

/** Fits a practice's policy entry to a city by the practice's adaptation rules. */
export function adaptPolicy(policy: PolicyEntry, adapt: Adapt, ctx: AdaptContext): Adapted {
  let out: PolicyEntry = { ...policy };
  const notes: string[] = [];
  const { city } = ctx;

  if (adapt.scale && ctx.source) {
    const by = adapt.scale.by;
    const factor = scaleBase(city, by) / Math.max(1, scaleBase(ctx.source, by));
    const fields = adapt.scale.fields ?? SCALABLE_FIELDS.filter((f) => f in policy);
    const s = scaleFields(out, fields, factor);
    out = s.policy;
    if (s.notes.length)
      notes.push(`scaled by ${by} (${count(scaleBase(city, by))} here, ${count(scaleBase(ctx.source, by))} in the source city): ${s.notes.join(', ')}`);
  }

  if (hasTarget(policy.type)) {
    if (adapt.target) {
      const names = groupsByRole(adapt.target, city);
      if (!names.length) return { ok: false, why: `none of its groups is ${ROLE_WORDS[adapt.target]}` };
      out.target = names;
      notes.push(
        `serves ${adapt.target === 'largestMigrantGroup' || adapt.target === 'hosts' ? ROLE_WORDS[adapt.target] : `the groups of role ${adapt.target}`}: ${names.join(', ')}`,
      );
    } else if (Array.isArray(policy.target)) {
      const here = new Set(city.groups.map((g) => g.name));
      const kept = (policy.target as string[]).filter((n) => here.has(n));
      if (kept.length) out.target = kept;
      else delete out.target;
      if (kept.length < policy.target.length)
        notes.push(
          kept.length
            ? `serves ${kept.join(', ')} (the target groups this city has)`
            : "serves its default groups (this city has none of the source's target groups)",
        );
    }
  }

  const named = Array.isArray(policy.districts) ? (policy.districts as number[]) : undefined;
  const rule = adapt.districts?.rule ?? (named ? 'asSource' : 'all');
  if (rule === 'asSource') {
    const bad = (named ?? []).filter((d) => d >= city.districts);
    if (bad.length) return { ok: false, why: `district ${bad.join(', ')} does not exist here (${city.districts} districts); choose districts by a rule` };
  } else {
    const chosen = districtsByRule(rule, adapt.districts?.count ?? 1, city);
    if (rule === 'all') delete out.districts;
    else {
      out.districts = chosen;
      notes.push(
        `in district${chosen.length > 1 ? 's' : ''} ${chosen.join(', ')} (${rule === 'mostSegregated' ? 'the most segregated' : 'the highest migrant share'} at day 0)`,
      );
    }
  }
  return { ok: true, policy: out, notes };
}

/** A variant of an adapted practice: fields set, then numeric fields multiplied. */
export function applyVariant(policy: PolicyEntry, variant: Variant): { policy: PolicyEntry; problems: string[] } {
  const out: PolicyEntry = { ...policy, ...(variant.set ?? {}), type: policy.type };
  const problems: string[] = [];
  for (const [field, factor] of Object.entries(variant.scale ?? {})) {
    const v = out[field];
    if (typeof v !== 'number') {
      problems.push(`scale.${field}: the practice has no number "${field}" to multiply (set it in the practice's policy or in the variant's "set")`);
      continue;
    }
    out[field] = field === 'seats' ? Math.round(v * factor) : v * factor;
  }
  return { policy: out, problems };
}
