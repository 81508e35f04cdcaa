import type { ArraySource, Sizes } from './world.ts';

/**
 * The levers: what policies may change in the model, declared once. Each day starts with
 * every lever at its neutral value (`resetLevers`, called by the step); then the active
 * policies write levers, and the submodels named in `readBy` read them in their hot loops.
 * A policy knows the levers, never a submodel; a submodel knows the levers, never a policy.
 *
 * Shapes: a scalar for the whole city; one value per district; one per district and group
 * (at [d * G + g], so a policy acts only on its target groups and districts); four per
 * space (Allport's conditions, in the order of `allport.ts`). Scalars are 64-bit so that a
 * space index or an hour count is exact; the others are 32-bit like the rest of the state.
 *
 * To add a lever: one entry here, and the line of the submodel that reads it.
 */
export type LeverShape = 'scalar' | 'district' | 'districtGroup' | 'spaceConditions';

export interface LeverSpec {
  shape: LeverShape;
  /** The value that means "no policy": every day starts from it. */
  neutral: number;
  unit: string;
  /** The model file whose phase reads the lever. */
  readBy: string;
  description: string;
}

export const LEVERS = {
  mediationChance: {
    shape: 'district',
    neutral: 0,
    unit: 'probability',
    readBy: 'sim/model/meet.ts',
    description: 'Chance that an incident in a space of the district is mediated before it escalates.',
  },
  conditionRaise: {
    shape: 'spaceConditions',
    neutral: 0,
    unit: 'share',
    readBy: 'sim/model/allport.ts',
    description: "Today's raise of each of a space's four Allport conditions (capped at 1 with the base).",
  },
  hostPrejudiceDropFromMessages: {
    shape: 'district',
    neutral: 0,
    unit: 'share per day',
    readBy: 'sim/model/daily.ts',
    description: "Share of hosts' prejudice in the district that goes today through messages (campaigns).",
  },
  hostPrejudiceDropFromSight: {
    shape: 'district',
    neutral: 0,
    unit: 'share per day',
    readBy: 'sim/model/daily.ts',
    description: "Share of hosts' prejudice in the district that goes today by seeing migrants take part (extended contact).",
  },
  unhappyStayChance: {
    shape: 'district',
    neutral: 0,
    unit: 'probability',
    readBy: 'sim/model/housing.ts',
    description: 'Chance that an unhappy household of the district that can pay its rent stays put today.',
  },
  trustGain: {
    shape: 'districtGroup',
    neutral: 0,
    unit: 'share per day',
    readBy: 'sim/model/daily.ts',
    description: 'Share of the gap to full trust in institutions closed today.',
  },
  civicJoinChance: {
    shape: 'districtGroup',
    neutral: 0,
    unit: 'probability per day',
    readBy: 'sim/model/daily.ts',
    description: 'Chance that an adult becomes a civic participant today.',
  },
  childBelongingGain: {
    shape: 'districtGroup',
    neutral: 0,
    unit: 'share per day',
    readBy: 'sim/model/daily.ts',
    description: 'Share of the gap to full belonging closed today for children (and a heritage-culture target 0.1 higher).',
  },
  officeVisitRaise: {
    shape: 'districtGroup',
    neutral: 0,
    unit: 'multiple of the usual rate',
    readBy: 'sim/model/schedule.ts',
    description: 'Extra visits to public offices, as a multiple of the usual visit rate.',
  },
  discriminationFactor: {
    shape: 'districtGroup',
    neutral: 1,
    unit: 'multiplier',
    readBy: 'sim/model/daily.ts',
    description: "Multiplier on employers' discrimination against the group when hiring (1: unchanged).",
  },
  citywideMarket: {
    shape: 'scalar',
    neutral: -1,
    unit: 'space index',
    readBy: 'sim/model/schedule.ts',
    description: 'A market that draws shoppers from the whole city (-1: none).',
  },
  citywideMarketDraw: {
    shape: 'scalar',
    neutral: 0,
    unit: 'share',
    readBy: 'sim/model/schedule.ts',
    description: 'Share of shopping trips that go to the city-wide market instead.',
  },
  meetingCentreVisitChance: {
    shape: 'scalar',
    neutral: 0,
    unit: 'probability per day',
    readBy: 'sim/model/schedule.ts',
    description: 'Chance that a resident near a meeting centre visits it in a free slot.',
  },
  sessionHours: {
    shape: 'scalar',
    neutral: 0,
    unit: 'hours',
    readBy: 'sim/model/schedule.ts, sim/model/daily.ts',
    description: "Hours of today's evening session in the class spaces (0: no session); the enrolled attend and learn.",
  },
  sessionTrustGain: {
    shape: 'scalar',
    neutral: 0,
    unit: 'share per session',
    readBy: 'sim/model/daily.ts',
    description: 'Share of the gap to full trust closed by attending a session (staff of the city and police among the teachers).',
  },
} as const satisfies Record<string, LeverSpec>;

export type LeverName = keyof typeof LEVERS;
export const LEVER_NAMES = Object.keys(LEVERS) as LeverName[];

/** The arrays of the levers, by name: 64-bit for scalars (length 1), 32-bit otherwise. */
export type Levers = { [K in LeverName]: (typeof LEVERS)[K]['shape'] extends 'scalar' ? Float64Array : Float32Array };

export function leverLength(shape: LeverShape, sizes: Sizes): number {
  switch (shape) {
    case 'scalar':
      return 1;
    case 'district':
      return sizes.districts;
    case 'districtGroup':
      return sizes.districts * sizes.groups;
    case 'spaceConditions':
      return sizes.spaces * 4;
  }
}

export function layoutLevers(sizes: Sizes, get: ArraySource): Levers {
  const levers = {} as Record<LeverName, Float32Array | Float64Array>;
  for (const name of LEVER_NAMES) {
    const { shape } = LEVERS[name];
    levers[name] = get(`lever.${name}`, shape === 'scalar' ? 'f64' : 'f32', leverLength(shape, sizes)) as Float32Array | Float64Array;
  }
  return levers as Levers;
}

/** Every lever back to no policy: the start of each day. */
export function resetLevers(levers: Levers): void {
  for (const name of LEVER_NAMES) levers[name].fill(LEVERS[name].neutral);
}
