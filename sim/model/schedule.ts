import { Purpose, type Stream } from '../engine/stream.ts';
import type { ThreadContext } from './context.ts';
import { AgeClass, NONE, SpaceKind } from './spaceTypes.ts';
import { Count } from './world.ts';

/** Slots of a day: every resident is in exactly one place in each. */
export const SLOTS = 3;
export const Slot = { morning: 0, afternoon: 1, evening: 2 } as const;

export function isWeekend(day: number): boolean {
  return day % 7 >= 5;
}

/**
 * Decides where residents [start, end) are in a slot: home (NONE) or a space.
 * Weekdays: children at school in the morning, the employed at work morning and afternoon;
 * others shop or run errands at public offices. Evenings: community centres and shops.
 * Weekends: markets and shops in the morning, places of worship in the afternoon.
 */
export function planSlot(ctx: ThreadContext, day: number, slot: number, start: number, end: number): void {
  const { world, stream } = ctx;
  const r = world.residents;
  const { household, age, job, group, location } = r;
  const hhDwelling = world.households.dwelling;
  const { district: dwellingDistrict, school: dwellingSchool } = world.dwellings;
  const { typeDistrictStart, worshipOf, marketOf, officeOf } = world.lookup;
  const sp = world.scenario.spaces;
  const D = world.sizes.districts;
  const weekend = isWeekend(day);
  const live = Math.min(end, world.counts[Count.residents]);
  for (let i = start; i < live; i++) {
    stream.reset(Purpose.schedule, day, slot, i);
    const dwelling = hhDwelling[household[i]];
    const d = dwellingDistrict[dwelling];
    const a = age[i];
    let where = NONE;
    if (!weekend) {
      if (slot !== Slot.evening && a === AgeClass.adult && job[i] !== NONE) {
        if (stream.next() < sp.workplace.visitRate) where = job[i];
      } else if (slot === Slot.morning && a === AgeClass.child) {
        if (stream.next() < sp.school.visitRate) where = dwellingSchool[dwelling];
      } else if (slot === Slot.morning && a !== AgeClass.child) {
        if (stream.next() < sp.office.visitRate) where = officeOf[d];
      } else if (slot === Slot.afternoon && a !== AgeClass.child) {
        const u = stream.next();
        if (u < sp.shop.visitRate) where = pickIn(typeDistrictStart, SpaceKind.shop * D + d, stream);
        else if (u < sp.shop.visitRate + sp.market.visitRate) where = marketOf[d];
      } else if (slot === Slot.evening) {
        if (stream.next() < sp.community.visitRate) where = pickIn(typeDistrictStart, SpaceKind.community * D + d, stream);
      }
    } else if (slot === Slot.morning && a !== AgeClass.child) {
      const u = stream.next();
      if (u < sp.market.visitRate) where = marketOf[d];
      else if (u < sp.market.visitRate + sp.shop.visitRate) where = pickIn(typeDistrictStart, SpaceKind.shop * D + d, stream);
    } else if (slot === Slot.afternoon) {
      if (stream.next() < sp.worship.visitRate) where = worshipOf[group[i] * D + d];
    } else if (slot === Slot.evening) {
      if (stream.next() < sp.community.visitRate) where = pickIn(typeDistrictStart, SpaceKind.community * D + d, stream);
    }
    location[i] = where;
  }
}

/** A random space among those of one (type, district) cell of the CSR lookup. */
function pickIn(typeDistrictStart: Int32Array, cell: number, stream: Stream): number {
  const first = typeDistrictStart[cell];
  const n = typeDistrictStart[cell + 1] - first;
  return n > 0 ? first + stream.int(n) : NONE;
}
