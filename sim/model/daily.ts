import { Purpose } from '../engine/stream.ts';
import type { ThreadContext } from './context.ts';
import { LEVEL } from './meet.ts';
import { AgeClass, NONE, SpaceKind } from './spaceTypes.ts';
import { Count, Env } from './world.ts';

/**
 * Once a day, for residents [start, end): everyday exposure to the host language, and the
 * labour market (job loss; hiring that depends on language and employer discrimination).
 */
export function dailyResidents(ctx: ThreadContext, day: number, _slot: number, start: number, end: number): void {
  const { world, stream, host } = ctx;
  const { group, age, language, job } = world.residents;
  const { scenario, env } = world;
  const lang = scenario.language;
  const lab = scenario.labour;
  const learn = scenario.submodels.language;
  const labour = scenario.submodels.labour;
  const exposure = (lang.dailyExposureHours / lang.hoursPerLevel) * LEVEL;
  const D = world.sizes.districts;
  const workFirst = world.lookup.typeDistrictStart[SpaceKind.workplace * D];
  const workCount = world.lookup.typeDistrictStart[(SpaceKind.workplace + 1) * D] - workFirst;
  // Employers discriminate in proportion to how prejudiced hosts are now, relative to the start.
  const initial = env[Env.initialHostPrejudice];
  const employerBias = Math.min(1, lab.discrimination * (initial > 0 ? env[Env.hostPrejudice] / initial : 1));
  const live = Math.min(end, world.counts[Count.residents]);
  for (let i = start; i < live; i++) {
    const migrant = group[i] !== host;
    if (learn && migrant && language[i] < 1) {
      language[i] = Math.min(1, language[i] + exposure * (age[i] === AgeClass.child ? lang.childFactor : 1));
    }
    if (!labour || age[i] !== AgeClass.adult || workCount === 0) continue;
    stream.reset(Purpose.labour, day, 0, i);
    if (job[i] !== NONE) {
      if (stream.next() < lab.jobLossRate) job[i] = NONE;
    } else {
      let p = lab.hireRate * Math.exp(-lab.languagePenalty * (1 - language[i]));
      if (migrant) p *= 1 - employerBias;
      if (stream.next() < p) job[i] = workFirst + stream.int(workCount);
    }
  }
}
