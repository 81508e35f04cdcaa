import { Purpose, type Stream } from './stream.ts';
import type { ThreadContext } from './context.ts';
import { AgeClass, NONE, SpaceKind } from './spaceTypes.ts';
import { Count, Flag } from './world.ts';

/** Slots of a day: every resident is in exactly one place in each. */
export const SLOTS = 3;
export const Slot = { morning: 0, afternoon: 1, evening: 2 } as const;

export function isWeekend(day: number): boolean {
  return day % 7 >= 5;
}

/**
 * Decides where residents [start, end) are in a slot: home (NONE) or a space.
 * Weekdays: children at school in the morning, the employed at work morning and afternoon;
 * others run errands at public offices or shop. Evenings: language classes for those
 * enrolled, community centres, the shared meeting centre. Weekends: markets and shops in
 * the morning, places of worship or the meeting centre in the afternoon.
 */
export function planSlot(ctx: ThreadContext, day: number, slot: number, start: number, end: number): void {
  const { world, stream } = ctx;
  const { household, age, job, group, flags, location } = world.residents;
  const { dwelling: hhDwelling, district: hhDistrict, size: hhSize } = world.households;
  const dwellingSchool = world.dwellings.school;
  const { typeDistrictStart, worshipOf, marketOf, officeOf, classOf, centreOf } = world.lookup;
  const sp = world.scenario.spaces;
  const D = world.sizes.districts;
  const across = world.sizes.districtsX;
  const weekend = isWeekend(day);
  const levers = world.levers;
  const classToday = levers.sessionHours[0] > 0;
  const officeLever = levers.officeVisitRaise;
  const G = world.sizes.groups;
  const renewed = levers.citywideMarket[0];
  const draw = levers.citywideMarketDraw[0];
  const centreRate = levers.meetingCentreVisitChance[0];
  const live = Math.min(end, world.counts[Count.residents]);
  for (let i = start; i < live; i++) {
    const h = household[i];
    if (hhSize[h] === 0) {
      location[i] = NONE;
      continue;
    }
    stream.reset(Purpose.schedule, day, slot, i);
    const home = hhDistrict[h];
    const a = age[i];
    const f = flags[i];
    // Mobility courses widen the radius: participants also shop and meet in adjacent districts.
    const d = f & Flag.mobility ? nearbyDistrict(home, D, across, stream) : home;
    let where = NONE;
    if (!weekend) {
      if (slot !== Slot.evening && a === AgeClass.adult && job[i] !== NONE) {
        if (stream.next() < sp.workplace.visitRate) where = job[i];
      } else if (slot === Slot.morning && a === AgeClass.child) {
        if (stream.next() < sp.school.visitRate) where = dwellingSchool[hhDwelling[h]];
      } else if (slot === Slot.morning) {
        const rate = sp.office.visitRate * (1 + officeLever[home * G + group[i]]);
        if (stream.next() < rate) where = officeOf[home];
      } else if (slot === Slot.afternoon && a !== AgeClass.child) {
        where = shopOrMarket(stream, sp.shop.visitRate, sp.market.visitRate, typeDistrictStart, SpaceKind.shop * D + d, marketOf[d], renewed, draw);
      } else if (slot === Slot.evening) {
        if (classToday && f & (Flag.enrolled | Flag.classStaff) && classOf[home] !== NONE) where = classOf[home];
        else {
          const u = stream.next();
          if (u < sp.community.visitRate) where = pickIn(typeDistrictStart, SpaceKind.community * D + d, stream);
          else if (u < sp.community.visitRate + centreRate && centreOf[home] !== NONE) where = centreOf[home];
        }
      }
    } else if (slot === Slot.morning && a !== AgeClass.child) {
      where = shopOrMarket(stream, sp.shop.visitRate, sp.market.visitRate, typeDistrictStart, SpaceKind.shop * D + d, marketOf[d], renewed, draw);
    } else if (slot === Slot.afternoon) {
      const u = stream.next();
      if (u < sp.worship.visitRate) where = worshipOf[group[i] * D + home];
      else if (u < sp.worship.visitRate + centreRate && centreOf[home] !== NONE) where = centreOf[home];
    } else if (slot === Slot.evening) {
      if (stream.next() < sp.community.visitRate) where = pickIn(typeDistrictStart, SpaceKind.community * D + d, stream);
    }
    location[i] = where;
  }
}

/** A shop of the district, or a market (the renewed one draws a share of all market visits). */
function shopOrMarket(
  stream: Stream,
  shopRate: number,
  marketRate: number,
  typeDistrictStart: Int32Array,
  shopCell: number,
  market: number,
  renewed: number,
  draw: number,
): number {
  const u = stream.next();
  if (u < shopRate) return pickIn(typeDistrictStart, shopCell, stream);
  if (u < shopRate + marketRate * (1 + draw)) return renewed >= 0 && stream.next() < draw ? renewed : market;
  return NONE;
}

/** The home district, or one of its eight neighbours (inside the city). */
function nearbyDistrict(home: number, D: number, across: number, stream: Stream): number {
  const dx = stream.int(3) - 1;
  const dy = stream.int(3) - 1;
  const x = (home % across) + dx;
  const y = Math.floor(home / across) + dy;
  const rows = D / across;
  return x < 0 || y < 0 || x >= across || y >= rows ? home : y * across + x;
}

/** A random space among those of one (type, district) cell of the CSR lookup. */
function pickIn(typeDistrictStart: Int32Array, cell: number, stream: Stream): number {
  const first = typeDistrictStart[cell];
  const n = typeDistrictStart[cell + 1] - first;
  return n > 0 ? first + stream.int(n) : NONE;
}
