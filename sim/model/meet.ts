import { Purpose } from '../engine/stream.ts';
import type { ThreadContext } from './context.ts';
import { afterNegative, afterPositive, languageBarrier, negativeProbability } from './contactRule.ts';
import { AgeClass } from './spaceTypes.ts';
import { SPACE_STATS, SpaceStat } from './world.ts';

/** One CEFR level is this much proficiency. */
export const LEVEL = 0.2;

/**
 * Encounters in spaces [start, end) during a slot. Each visitor starts a few conversations
 * with others present; both sides update. Everyone in a space is there only in this slot and
 * a space is handled by one thread, so no two threads write the same resident.
 */
export function meetSpaces(ctx: ThreadContext, day: number, slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const { visitorStart, visitors, allport, encounters, stats } = world.spaces;
  const { group, language, prejudice, age, ingroupContacts, outgroupContacts } = world.residents;
  const c = world.scenario.contact;
  const learn = world.scenario.submodels.language;
  const lang = world.scenario.language;
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
          continue;
        }
        outgroupContacts[a]++;
        outgroupContacts[b]++;
        stats[st + SpaceStat.outgroup]++;
        const la = language[a];
        const lb = language[b];
        const pa = prejudice[a];
        const pb = prejudice[b];
        if (stream.next() < negativeProbability(c, pa, pb, languageBarrier(la, lb), score)) {
          stats[st + SpaceStat.negative]++;
          prejudice[a] = afterNegative(c, pa);
          prejudice[b] = afterNegative(c, pb);
          if (stream.next() < c.escalation) stats[st + SpaceStat.incidents]++;
        } else {
          prejudice[a] = afterPositive(c, pa, score);
          prejudice[b] = afterPositive(c, pb, score);
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
