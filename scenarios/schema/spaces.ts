import type { z } from 'zod';
import { int, real, section, share } from './param.ts';

/**
 * Contact spaces. Allport's conditions are attributes of a space type (Allport 1954;
 * Pettigrew & Tropp 2006); policies can raise them. Defaults are assumed, ordered by how
 * well each kind of place meets the conditions.
 */
const ALLPORT_SOURCE = 'assumed; the conditions follow Allport 1954, their ordering across space types is a modelling choice';

export interface SpaceDefaults {
  equalStatus: number;
  commonGoals: number;
  cooperation: number;
  institutionalSupport: number;
  encounters: number;
  perSpace: number;
  visitRate: number;
}

function allport(d: SpaceDefaults) {
  return section(
    {
      equalStatus: share(d.equalStatus, { description: 'Equal status of the people who meet here.', unit: 'scale 0..1', source: ALLPORT_SOURCE }),
      commonGoals: share(d.commonGoals, { description: 'Common goals of the people who meet here.', unit: 'scale 0..1', source: ALLPORT_SOURCE }),
      cooperation: share(d.cooperation, { description: 'Intergroup cooperation in the activity.', unit: 'scale 0..1', source: ALLPORT_SOURCE }),
      institutionalSupport: share(d.institutionalSupport, {
        description: 'Support of authorities, law or custom for the contact.',
        unit: 'scale 0..1',
        source: ALLPORT_SOURCE,
      }),
    },
    "Allport's four conditions for positive contact, as met by this kind of space.",
  );
}

function spaceType(what: string, d: SpaceDefaults, visits: string) {
  return section(
    {
      allport: allport(d),
      encounters: real(d.encounters, 0, 50, {
        description: `Mean number of people each visitor of a ${what} talks with in one slot.`,
        unit: 'encounters per visitor per slot',
        source: 'assumed',
      }),
      perSpace: int(d.perSpace, 1, 10_000_000, {
        description: `Residents served by one ${what}; the number of ${what}s is derived from it.`,
        unit: 'residents per space',
        source: 'assumed',
      }),
      visitRate: share(d.visitRate, { description: visits, unit: 'probability per resident per day', source: 'assumed' }),
    },
    `A ${what}.`,
  );
}

export const spacesSchema = section(
  {
    school: spaceType(
      'school',
      { equalStatus: 0.7, commonGoals: 0.7, cooperation: 0.7, institutionalSupport: 0.8, encounters: 3, perSpace: 2000, visitRate: 1 },
      'Probability that a child goes to school on a school day (weekdays).',
    ),
    workplace: spaceType(
      'workplace',
      { equalStatus: 0.5, commonGoals: 0.7, cooperation: 0.6, institutionalSupport: 0.5, encounters: 2, perSpace: 60, visitRate: 1 },
      'Probability that an employed adult goes to work on a working day (weekdays).',
    ),
    shop: spaceType(
      'shop',
      { equalStatus: 0.3, commonGoals: 0.1, cooperation: 0.1, institutionalSupport: 0.2, encounters: 1, perSpace: 600, visitRate: 0.3 },
      'Probability that an adult shops in their district on a given day.',
    ),
    market: spaceType(
      'market',
      { equalStatus: 0.4, commonGoals: 0.2, cooperation: 0.2, institutionalSupport: 0.2, encounters: 2, perSpace: 25_000, visitRate: 0.06 },
      'Probability that an adult visits a market on a given day.',
    ),
    community: spaceType(
      'community centre',
      { equalStatus: 0.6, commonGoals: 0.5, cooperation: 0.5, institutionalSupport: 0.6, encounters: 2, perSpace: 5000, visitRate: 0.04 },
      'Probability that a resident visits the community centre of their district on a given day.',
    ),
    worship: spaceType(
      'place of worship',
      { equalStatus: 0.6, commonGoals: 0.6, cooperation: 0.5, institutionalSupport: 0.4, encounters: 2, perSpace: 1500, visitRate: 0.4 },
      "Probability that an adult attends their group's place of worship on a weekend day.",
    ),
    office: spaceType(
      'public office',
      { equalStatus: 0.2, commonGoals: 0.2, cooperation: 0.1, institutionalSupport: 0.6, encounters: 1, perSpace: 20_000, visitRate: 0.01 },
      'Probability that an adult visits a public office on a weekday.',
    ),
  },
  'The contact spaces of the city, by type.',
);

export type SpacesSpec = z.infer<typeof spacesSchema>;
