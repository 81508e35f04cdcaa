import { AgeClass, NONE } from './spaceTypes.ts';
import { TIE_SLOTS, type World } from './world.ts';

/**
 * Ties as links to a partner: each resident holds up to TIE_SLOTS of them. Both sides of a tie
 * get the same end day when it forms, so each side drops its own link on that day and no
 * thread ever writes another resident's list outside the space both are in.
 */
export function tieSlot(world: World, i: number, partner: number): number {
  const links = world.residents.tiePartner;
  const o = i * TIE_SLOTS;
  for (let k = 0; k < TIE_SLOTS; k++) if (links[o + k] === partner) return k;
  return NONE;
}

/** Links a and b until day `end` if both have a free slot and are not linked yet; returns whether they were. */
export function addTie(world: World, a: number, b: number, end: number): boolean {
  const ka = tieSlot(world, a, NONE);
  const kb = tieSlot(world, b, NONE);
  if (ka === NONE || kb === NONE || tieSlot(world, a, b) !== NONE) return false;
  const r = world.residents;
  r.tiePartner[a * TIE_SLOTS + ka] = b;
  r.tieEnd[a * TIE_SLOTS + ka] = end;
  r.tiePartner[b * TIE_SLOTS + kb] = a;
  r.tieEnd[b * TIE_SLOTS + kb] = end;
  const out = r.group[a] !== r.group[b];
  if (out) {
    r.outgroupTies[a]++;
    r.outgroupTies[b]++;
  } else {
    r.ingroupTies[a]++;
    r.ingroupTies[b]++;
  }
  return true;
}

/** Drops resident i's links that end today or whose partner has left or died. */
export function fadeTies(world: World, i: number, day: number): void {
  const r = world.residents;
  const o = i * TIE_SLOTS;
  for (let k = 0; k < TIE_SLOTS; k++) {
    const j = r.tiePartner[o + k];
    if (j === NONE || (r.tieEnd[o + k] > day && r.age[j] !== AgeClass.gone)) continue;
    r.tiePartner[o + k] = NONE;
    if (r.group[j] === r.group[i]) r.ingroupTies[i]--;
    else r.outgroupTies[i]--;
  }
}

/** Empty tie list of a new resident. */
export function clearTies(world: World, i: number): void {
  world.residents.tiePartner.fill(NONE, i * TIE_SLOTS, (i + 1) * TIE_SLOTS);
  world.residents.ingroupTies[i] = 0;
  world.residents.outgroupTies[i] = 0;
}
