import { Purpose } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { afterNegative, afterPositive, declineProbability, languageBarrier, negativeProbability } from './contactRule.ts';
import { SpaceKind } from './spaceTypes.ts';
import { proficiencyPerHour, learnerSpeed } from './learning.ts';
import { addTie } from './ties.ts';
import { SPACE_STATS, SpaceStat, TIE_NEVER } from './world.ts';
import { shownPrejudice } from './shownPrejudice.ts';

/** One CEFR level is this much proficiency. */
export const LEVEL = 0.2;
/** Institutional support from which a good encounter builds trust in institutions. */
const INSTITUTIONAL = 0.6;

/** Space types where people choose whom they talk to, so the prejudiced can avoid the out-group. */
const CHOSEN = new Set<number>([SpaceKind.shop, SpaceKind.market, SpaceKind.community, SpaceKind.worship, SpaceKind.centre]);

/** A tie that forms today lasts an exponential time with mean `lifetime` days (capped at TIE_NEVER, beyond any run). */
function tieEndDay(day: number, lifetime: number, u: number): number {
  return Math.min(TIE_NEVER, day + 1 + Math.round(-Math.log(1 - u) * lifetime));
}

/**
 * Encounters in spaces [start, end) during a slot. Each visitor starts a few conversations
 * with others present; both sides update. Everyone in a space is there only in this slot and
 * a space is handled by one thread, so no two threads write the same resident.
 */
export function meetSpaces(ctx: ThreadContext, day: number, slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const { visitorStart, visitors, allport, encounters, stats, conditions, district: spaceDistrict, type: spaceType } = world.spaces;
  const raise = world.levers.conditionRaise;
  const r = world.residents;
  const { group, language, prejudice, ingroupContacts, outgroupContacts, outgroupTies, trust, susceptibility } = r;
  const sc = world.scenario;
  const c = sc.contact;
  const ties = sc.ties;
  const trustGain = sc.attitudes.trustPerInstitutionalContact;
  const rejection = sc.submodels.attitudes ? sc.attitudes.rejection : 0;
  const mediation = world.levers.mediationChance;
  const learn = sc.submodels.language;
  const lang = sc.language;
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
    const chosen = CHOSEN.has(spaceType[s]);
    for (let k = 0; k < n; k++) {
      const a = visitors[first + k];
      const talks = stream.count(mean);
      for (let t = 0; t < talks; t++) {
        let j = stream.int(n - 1);
        if (j >= k) j++;
        const b = visitors[first + j];
        const ga = group[a];
        const gb = group[b];
        if (ga !== gb && chosen && stream.next() < declineProbability(c, prejudice[a], true)) continue;
        stats[st + SpaceStat.encounters]++;
        if (ga === gb) {
          ingroupContacts[a]++;
          ingroupContacts[b]++;
          if (stream.next() < ties.tieChance) addTie(world, a, b, tieEndDay(day, ties.tieLifetimeDays, stream.next()));
          // Extended contact: hearing from an in-group member who has an out-group friend.
          if (outgroupTies[b] > 0) prejudice[a] -= ties.extendedEffect * (susceptibility[a] / 64) * prejudice[a];
          if (outgroupTies[a] > 0) prejudice[b] -= ties.extendedEffect * (susceptibility[b] / 64) * prejudice[b];
          continue;
        }
        outgroupContacts[a]++;
        outgroupContacts[b]++;
        stats[st + SpaceStat.outgroup]++;
        const la = language[a];
        const lb = language[b];
        const pa = prejudice[a];
        const pb = prejudice[b];
        const sa = susceptibility[a] / 64;
        const sb = susceptibility[b] / 64;
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
            prejudice[a] = afterNegative(c, pa, sa);
            prejudice[b] = afterNegative(c, pb, sb);
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
          prejudice[a] = afterPositive(c, pa, score, sa);
          prejudice[b] = afterPositive(c, pb, score, sb);
          if (institutional) {
            trust[a] += trustGain * (1 - trust[a]);
            trust[b] += trustGain * (1 - trust[b]);
          }
          if (stream.next() < ties.tieChance && addTie(world, a, b, tieEndDay(day, ties.tieLifetimeDays, stream.next()))) {
            stats[st + SpaceStat.ties]++;
            prejudice[a] -= Math.min(1, ties.outgroupTieEffect * sa) * prejudice[a];
            prejudice[b] -= Math.min(1, ties.outgroupTieEffect * sb) * prejudice[b];
          }
        }
        // Talking across groups in the host language teaches it, as much as the partner speaks it.
        if (learn) {
          if (ga !== host && la < 1) language[a] = Math.min(1, la + lang.talkHours * proficiencyPerHour(lang, la) * learnerSpeed(world, a) * lb);
          if (gb !== host && lb < 1) language[b] = Math.min(1, lb + lang.talkHours * proficiencyPerHour(lang, lb) * learnerSpeed(world, b) * la);
        }
      }
    }
  }
}

/** Prejudice of a witness after seeing an incident. */
export function afterWitnessing(effect: number, prejudice: number): number {
  return prejudice + effect * (1 - prejudice);
}
