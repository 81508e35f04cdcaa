import { Purpose } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { LEVEL } from './meet.ts';
import { AgeClass, NONE } from './spaceTypes.ts';
import { Count, Env, Flag } from './world.ts';
import { hiredLevel, pickWorkplace, usableEducation } from './jobs.ts';
import { comeOfAge } from './people.ts';

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
  const { scenario: sc, env } = world;
  const hhDwelling = world.households.dwelling;
  const dwellingDistrict = world.dwellings.district;
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
  const exposure = (lang.dailyExposureHours / lang.hoursPerLevel) * LEVEL;
  const classToday = lever.sessionHours[0];
  const classGain = (classToday / lang.hoursPerLevel) * LEVEL;
  const classTrust = lever.sessionTrustGain[0];
  const hireScale = lab.hireRate * env[Env.hireMultiplier];
  const lossRate = lab.jobLossRate * env[Env.jobLossMultiplier];
  // Employers discriminate in proportion to how prejudiced hosts are now, relative to the start.
  const initial = env[Env.initialHostPrejudice];
  const employerBias = Math.min(1, lab.discrimination * (initial > 0 ? env[Env.hostPrejudice] / initial : 1));
  const tieEnd = 1 / tie.tieLifetimeDays;
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
    const d = dwellingDistrict[hhDwelling[household[i]]];
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
      let gain = exposure * (a === AgeClass.child ? lang.childFactor : 1);
      if (classToday > 0 && flags[i] & Flag.enrolled) {
        gain += classGain;
        classHours[i] = Math.min(65535, classHours[i] + classToday);
        trust[i] += classTrust * (1 - trust[i]);
      }
      language[i] = Math.min(1, language[i] + gain);
    }
    if (labour && a === AgeClass.adult) {
      if (job[i] !== NONE) {
        if (stream.next() < lossRate) job[i] = NONE;
      } else {
        const ties = ingroupTies[i] + outgroupTies[i];
        let p =
          hireScale *
          Math.exp(-lab.languagePenalty * (1 - language[i])) *
          lab.educationHire[usableEducation(world, i)] *
          (1 + (tie.jobBoost * Math.min(ties, 10)) / 10);
        if (migrant) p *= 1 - Math.min(1, employerBias * lever.discriminationFactor[dg]);
        if (stream.next() < p) job[i] = pickWorkplace(world, hiredLevel(world, i, stream), stream);
      }
    }
    if (!attitudes) continue;
    // Ties fade.
    if (ingroupTies[i] > 0 && stream.next() < ingroupTies[i] * tieEnd) ingroupTies[i]--;
    if (outgroupTies[i] > 0 && stream.next() < outgroupTies[i] * tieEnd) outgroupTies[i]--;
    // Prejudice: the district norm of one's group, extended contact, and (hosts) campaigns and threat.
    let p = prejudice[i];
    p += att.normRate * (dist.groupPrejudice[dg] - p) + att.anchor * (disposition[i] / 255 - p);
    p -= att.extendedContact * dist.groupOutTies[dg] * p;
    if (!migrant) {
      p -= (lever.hostPrejudiceDropFromMessages[d] + lever.hostPrejudiceDropFromSight[d]) * p;
      const rise = dist.migrantShare[d] - dist.migrantShareSlow[d];
      if (rise > 0) p += (att.threat * rise * (1 - p)) / 365;
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
    // Heritage is kept by family (counted as FAMILY_TIES in-group ties) and in-group ties, and by
    // mother-tongue schooling; adoption grows with language, out-group ties and belonging.
    const inShare = (ingroupTies[i] + FAMILY_TIES) / (allTies + FAMILY_TIES);
    const heritageTarget = 0.35 + 0.55 * inShare + (a === AgeClass.child && lever.childBelongingGain[dg] > 0 ? 0.1 : 0);
    heritage[i] += rate * (Math.min(1, heritageTarget) - heritage[i]);
    const adoptionTarget = 0.25 + 0.25 * language[i] + 0.3 * Math.min(1, outgroupTies[i] / 3) + 0.2 * belonging[i];
    adoption[i] += rate * (adoptionTarget - adoption[i]);
  }
}
