import { Env, type World } from './world.ts';

/** Out-group ties from which a resident is fully buffered against a media shock. */
const BUFFERING_TIES = 3;

/**
 * Prejudice as a resident shows it today: a host's own prejudice plus today's media shock,
 * less for those with out-group ties (Legewie 2013: the shock is smaller where people have
 * personal contact). The shock is a passing mood on top of the slow attitude; it shapes
 * today's encounters and is what today's survey (the census) would measure.
 */
export function shownPrejudice(world: World, i: number, host: number): number {
  const r = world.residents;
  const media = world.env[Env.media];
  if (media === 0 || r.group[i] !== host) return r.prejudice[i];
  const shock = media * (1 - world.env[Env.mediaBuffer] * Math.min(1, r.outgroupTies[i] / BUFFERING_TIES));
  return Math.min(1, r.prejudice[i] + shock);
}
