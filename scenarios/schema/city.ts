import { z } from 'zod';
import { flag, int, real, section, share } from './param.ts';
import { groupsSchema } from './groups.ts';

export const citySchema = section(
  {
    density: real(0.9, 0.01, 1, {
      description:
        'Share of dwellings occupied; the grid is sized so that households / dwellings = density, counting the households ' +
        'expected to arrive or be born over `growthYears` (so the start is a little emptier when the city grows).',
      unit: 'share of dwellings',
      source: 'assumed (NetLogo Segregation default is 0.95)',
    }),
    growthYears: real(10, 0, 1000, {
      description:
        'Years of expected arrivals and births the grid has room for. It does not depend on `days`, so the same scenario ' +
        'and seed build the same city, and give the same first days, however long the run; a run longer than this in a ' +
        'growing city gets denser than `density` toward its end.',
      unit: 'years',
      source: 'assumed',
    }),
    districtsX: int(4, 1, 64, { description: 'Districts across the grid (columns of equal width).', unit: 'districts' }),
    districtsY: int(4, 1, 64, { description: 'Districts down the grid (rows of equal height).', unit: 'districts' }),
    wrap: flag(false, { description: 'Whether the grid wraps around at its edges (a torus), as in NetLogo.' }),
    tractSize: int(10, 1, 1000, {
      description: 'Side of the square census tracts over which residential segregation indices are computed.',
      unit: 'dwellings per side',
      source: 'assumed: about 200 residents per tract, the size of a census block group',
    }),
    clustering: share(0.5, {
      description:
        "How strongly initial migrant households are placed near their co-ethnics (0: uniformly at random; 1: in their group's preferred districts only).",
      unit: 'scale 0..1',
      source: 'assumed',
    }),
  },
  'The grid of dwellings and its districts.',
);

export const populationSchema = section(
  {
    residents: int(100_000, 2, 50_000_000, { description: 'Number of residents at the start.', unit: 'residents' }),
    householdSize: z.number().min(1).max(8).default(2.3).meta({
      description: 'Mean household size; 1 gives one resident per dwelling as in the classic Schelling model.',
      unit: 'residents per household',
      source: 'EU average household size 2.3 (Eurostat 2022)',
    }),
    elderShare: share(0.2, { description: 'Share of households whose adults are 65 or older.', unit: 'share of households', source: 'assumed' }),
    groups: groupsSchema,
  },
  'Who lives in the city at the start.',
);
