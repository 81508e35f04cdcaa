import { Purpose } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { Count, Env, Flag, Trait } from './world.ts';
import { hireChance, hiredLevel, pickWorkplace, qualifiedLevel, seeksWork } from './jobs.ts';
import { comeOfAge } from './people.ts';
import { learnerSpeed, proficiencyPerHour } from './learning.ts';
import { fadeTies } from './ties.ts';

/** The family counts as this many in-group ties for keeping the heritage culture (assumed). */
const FAMILY_TIES = 5;

/**
 * Once a day, for residents [start, end): language (everyday exposure and class hours),
 * the labour market, and the slow attitudes: neighbourhood norms, extended contact,
 * campaigns, perceived threat, ties that fade, trust, belonging and the two acculturation
 * axes. Reads yesterday's district aggregates and today's policy levers.
 */
export function dailyResidents(ctx: ThreadContext, day: number, _slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const r = world.residents;
  const { group, age, language, job, flags, prejudice, trust, belonging, heritage, adoption, ingroupTies, outgroupTies, classHours, household, disposition } =
    r;
  const { susceptibility, orientation, traits } = r;
  const { scenario: sc, env } = world;
  const hhDistrict = world.households.district;
  const dist = world.district;
  const lever = world.levers;
  const G = world.sizes.groups;
  const lang = sc.language;
  const lab = sc.labour;
  const att = sc.attitudes;
  const tie = sc.ties;
  const learn = sc.submodels.language;
  const labour = sc.submodels.labour && world.lookup.levelStart[3] > 0;
  const attitudes = sc.submodels.attitudes;
  const classToday = lever.sessionHours[0];
  const classTrust = lever.sessionTrustGain[0];
  const hireScale = lab.hireRate * env[Env.hireMultiplier];
  const lossRate = lab.jobLossRate * env[Env.jobLossMultiplier];
  // Realistic threat: a labour downturn (hiring below normal) raises host prejudice while it lasts.
  const downturn = Math.max(0, 1 - env[Env.hireMultiplier]);
  const economicRise = (att.economicThreat * downturn) / 365;
  const sizeRise = att.sizeThreat / 365;
  const evenShare = 1 / G;
  // Employers discriminate in proportion to how prejudiced hosts are now, relative to the start,
  // in the hires made through written applications; hires through contacts escape it.
  const initial = env[Env.initialHostPrejudice];
  const employerBias = Math.min(1, lab.discrimination * (initial > 0 ? env[Env.hostPrejudice] / initial : 1));
  const formalShare = 1 - lab.networkHireShare;
  const rate = att.identityRate;
  const ageing = sc.submodels.demography;
  const grow = 1 / (sc.demography.childhoodYears * 365);
  const retire = 1 / (sc.demography.workingYears * 365);
  const live = Math.min(end, world.counts[Count.residents]);
  for (let i = start; i < live; i++) {
    const a = age[i];
    if (a === AgeClass.gone) continue;
    const g = group[i];
    const migrant = g !== host;
    const d = hhDistrict[household[i]];
    const dg = d * G + g;
    stream.reset(Purpose.daily, day, 0, i);
    if (ageing) {
      if (a === AgeClass.child && stream.next() < grow) comeOfAge(world, i, stream.next());
      else if (a === AgeClass.adult && stream.next() < retire) {
        age[i] = AgeClass.elder;
        job[i] = NONE;
      }
    }
    if (learn && migrant && language[i] < 1) {
      let hours = lang.dailyExposureHours;
      if (classToday > 0 && flags[i] & Flag.enrolled) {
        hours += classToday;
        classHours[i] = Math.min(65535, classHours[i] + classToday);
        trust[i] += classTrust * (1 - trust[i]);
      }
      language[i] = Math.min(1, language[i] + hours * proficiencyPerHour(lang, language[i]) * learnerSpeed(world, i));
    }
    if (labour && a === AgeClass.adult) {
      if (job[i] !== NONE) {
        if (stream.next() < lossRate) job[i] = NONE;
        else if (world.spaces.level[job[i]] < qualifiedLevel(world, i) && stream.next() < lab.upwardMoveRate) {
          // Search on the job: an over-qualified worker moves up when a job at their level takes them.
          const level = hiredLevel(world, i, stream);
          if (level > world.spaces.level[job[i]]) job[i] = pickWorkplace(world, level, stream);
        }
      } else if (seeksWork(world, i)) {
        let p = hireScale * hireChance(world, i);
        if (migrant) p *= 1 - Math.min(1, employerBias * lever.discriminationFactor[dg]) * formalShare;
        if (stream.next() < p) job[i] = pickWorkplace(world, hiredLevel(world, i, stream), stream);
      }
    }
    if (!attitudes) continue;
    fadeTies(world, i, day);
    // Prejudice: the district norm of one's group, extended contact, friendships that keep
    // working, and (hosts) campaigns and group threat.
    let p = prejudice[i];
    p += att.normRate * (dist.groupPrejudice[dg] - p) + att.anchor * (disposition[i] / 255 - p);
    p -= att.extendedContact * dist.groupOutTies[dg] * p;
    if (outgroupTies[i] > 0) p -= Math.min(1, tie.friendshipEffect * outgroupTies[i] * (susceptibility[i] / 64)) * p;
    if (!migrant) {
      p -= (lever.hostPrejudiceDropFromMessages[d] + lever.hostPrejudiceDropFromSight[d]) * p;
      const rise = dist.migrantShare[d] - dist.migrantShareSlow[d];
      if (rise > 0) p += (att.threat * rise * (1 - p)) / 365;
      p += (economicRise + sizeRise * dist.migrantShare[d]) * (1 - p);
    }
    prejudice[i] = p < 0 ? 0 : p > 1 ? 1 : p;
    // Trust relaxes toward a neutral 0.5 between the encounters and programmes that move it.
    trust[i] += lever.trustGain[dg] * (1 - trust[i]) + rate * (0.5 - trust[i]);
    if (!migrant) continue;
    // Belonging and the acculturation axes move toward what the resident's situation supports.
    const allTies = ingroupTies[i] + outgroupTies[i];
    const working = a === AgeClass.adult ? (job[i] !== NONE ? 1 : 0) : 0.5;
    let participant = flags[i] & Flag.participant ? 1 : 0;
    if (!participant && a === AgeClass.adult && lever.civicJoinChance[dg] > 0 && stream.next() < lever.civicJoinChance[dg]) {
      flags[i] |= Flag.participant;
      participant = 1;
    }
    const belongingTarget = 0.1 + 0.25 * working + 0.25 * Math.min(1, allTies / 10) + 0.15 * language[i] + 0.15 * trust[i] + 0.1 * participant;
    belonging[i] += rate * (belongingTarget - belonging[i]);
    if (a === AgeClass.child) belonging[i] += lever.childBelongingGain[dg] * (1 - belonging[i]);
    // Heritage follows the resident's own orientation, kept by family (counted as FAMILY_TIES
    // in-group ties), in-group ties, co-ethnic density around them and mother-tongue schooling;
    // adoption grows with language, out-group ties and belonging, and falls where hosts exclude
    // (Bourhis et al. 1997).
    const inShare = (ingroupTies[i] + FAMILY_TIES) / (allTies + FAMILY_TIES);
    const density = Math.min(1, dist.groupShare[dg] / evenShare) - 0.5;
    const heritageTarget =
      0.1 + 0.55 * (orientation[i] / 255) + 0.3 * inShare + att.densityWeight * density + (a === AgeClass.child && lever.childBelongingGain[dg] > 0 ? 0.1 : 0);
    heritage[i] += rate * (Math.max(0, Math.min(1, heritageTarget)) - heritage[i]);
    const exclusion = att.hostExpectation * dist.groupPrejudice[d * G + host];
    const adoptionTarget =
      0.3 + 0.25 * language[i] + 0.3 * Math.min(1, outgroupTies[i] / 3) + 0.2 * belonging[i] - exclusion + (traits[i] & Trait.bornHere ? 0.1 : 0);
    adoption[i] += rate * (Math.max(0, adoptionTarget) - adoption[i]);
  }
}
