import { Purpose } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { afterNegative, afterPositive, languageBarrier, negativeProbability } from './contactRule.ts';
import { AgeClass } from './spaceTypes.ts';
import { SPACE_STATS, SpaceStat } from './world.ts';
import { shownPrejudice } from './shownPrejudice.ts';

/** One CEFR level is this much proficiency. */
export const LEVEL = 0.2;
const MAX_TIES = 65535;
/** Institutional support from which a good encounter builds trust in institutions. */
const INSTITUTIONAL = 0.6;

/**
 * Encounters in spaces [start, end) during a slot. Each visitor starts a few conversations
 * with others present; both sides update. Everyone in a space is there only in this slot and
 * a space is handled by one thread, so no two threads write the same resident.
 */
export function meetSpaces(ctx: ThreadContext, day: number, slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const { visitorStart, visitors, allport, encounters, stats, conditions, district: spaceDistrict } = world.spaces;
  const raise = world.levers.conditionRaise;
  const r = world.residents;
  const { group, language, prejudice, age, ingroupContacts, outgroupContacts, ingroupTies, outgroupTies, trust } = r;
  const sc = world.scenario;
  const c = sc.contact;
  const ties = sc.ties;
  const trustGain = sc.attitudes.trustPerInstitutionalContact;
  const rejection = sc.submodels.attitudes ? sc.attitudes.rejection : 0;
  const mediation = world.levers.mediationChance;
  const learn = sc.submodels.language;
  const lang = sc.language;
  const talkGain = (lang.talkHours / lang.hoursPerLevel) * LEVEL;
  const childGain = talkGain * lang.childFactor;
  for (let s = start; s < end; s++) {
    const first = visitorStart[s];
    const n = visitorStart[s + 1] - first;
    const st = s * SPACE_STATS;
    stats[st + SpaceStat.visits] += n;
    if (n < 2) continue;
    stream.reset(Purpose.meet, day, slot, s);
    const score = allport[s];
    const mean = encounters[s];
    const institutional = conditions[s * 4 + 3] + raise[s * 4 + 3] >= INSTITUTIONAL;
    const mediated = mediation[spaceDistrict[s]];
    for (let k = 0; k < n; k++) {
      const a = visitors[first + k];
      const talks = stream.count(mean);
      for (let t = 0; t < talks; t++) {
        let j = stream.int(n - 1);
        if (j >= k) j++;
        const b = visitors[first + j];
        stats[st + SpaceStat.encounters]++;
        const ga = group[a];
        const gb = group[b];
        if (ga === gb) {
          ingroupContacts[a]++;
          ingroupContacts[b]++;
          if (stream.next() < ties.tieChance) {
            if (ingroupTies[a] < MAX_TIES) ingroupTies[a]++;
            if (ingroupTies[b] < MAX_TIES) ingroupTies[b]++;
          }
          continue;
        }
        outgroupContacts[a]++;
        outgroupContacts[b]++;
        stats[st + SpaceStat.outgroup]++;
        const la = language[a];
        const lb = language[b];
        const pa = prejudice[a];
        const pb = prejudice[b];
        let positive = true;
        if (stream.next() < negativeProbability(c, shownPrejudice(world, a, host), shownPrejudice(world, b, host), languageBarrier(la, lb), score)) {
          positive = false;
          stats[st + SpaceStat.negative]++;
          if (stream.next() < c.escalation) {
            if (stream.next() < mediated) {
              // A guarantor steps in: the quarrel is settled and remembered as a good encounter.
              stats[st + SpaceStat.mediated]++;
              positive = true;
            } else {
              stats[st + SpaceStat.incidents]++;
              trust[a] -= c.incidentTrustLoss * trust[a];
              trust[b] -= c.incidentTrustLoss * trust[b];
              const seen = stream.count(c.witnesses);
              for (let w = 0; w < seen; w++) {
                const v = visitors[first + stream.int(n)];
                if (v !== a && v !== b) prejudice[v] = afterWitnessing(c.witnessEffect, prejudice[v]);
              }
            }
          }
          if (!positive) {
            prejudice[a] = afterNegative(c, pa);
            prejudice[b] = afterNegative(c, pb);
            // Rejection strengthens in-group identity and weakens host adoption.
            if (ga !== host) {
              r.adoption[a] -= rejection * r.adoption[a];
              r.heritage[a] += rejection * (1 - r.heritage[a]);
            }
            if (gb !== host) {
              r.adoption[b] -= rejection * r.adoption[b];
              r.heritage[b] += rejection * (1 - r.heritage[b]);
            }
          }
        }
        if (positive) {
          prejudice[a] = afterPositive(c, pa, score);
          prejudice[b] = afterPositive(c, pb, score);
          if (institutional) {
            trust[a] += trustGain * (1 - trust[a]);
            trust[b] += trustGain * (1 - trust[b]);
          }
          if (stream.next() < ties.tieChance) {
            stats[st + SpaceStat.ties]++;
            if (outgroupTies[a] < MAX_TIES) outgroupTies[a]++;
            if (outgroupTies[b] < MAX_TIES) outgroupTies[b]++;
            prejudice[a] -= ties.outgroupTieEffect * prejudice[a];
            prejudice[b] -= ties.outgroupTieEffect * prejudice[b];
          }
        }
        // Talking across groups in the host language teaches it, as much as the partner speaks it.
        if (learn) {
          if (ga !== host && la < 1) language[a] = Math.min(1, la + (age[a] === AgeClass.child ? childGain : talkGain) * lb);
          if (gb !== host && lb < 1) language[b] = Math.min(1, lb + (age[b] === AgeClass.child ? childGain : talkGain) * la);
        }
      }
    }
  }
}

/** Prejudice of a witness after seeing an incident. */
export function afterWitnessing(effect: number, prejudice: number): number {
  return prejudice + effect * (1 - prejudice);
}
