/** The kinds of contact space, in the order their spaces are laid out in the state. */
export const SPACE_TYPES = ['school', 'workplace', 'shop', 'market', 'community', 'worship', 'office', 'class', 'centre'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];
export const SpaceKind = { school: 0, workplace: 1, shop: 2, market: 3, community: 4, worship: 5, office: 6, class: 7, centre: 8 } as const;
/** Space types configured in the scenario's `spaces`; the others are built by policies. */
export const SCENARIO_SPACE_TYPES = ['school', 'workplace', 'shop', 'market', 'community', 'worship', 'office'] as const;

/** Age classes; `gone` marks a resident who died or left (their slot is not reused). */
export const AgeClass = { child: 0, adult: 1, elder: 2, gone: 3 } as const;
export const AGE_CLASSES = ['child', 'adult', 'elder'] as const;

/** No space, no job, no dwelling. */
export const NONE = -1;
