import { z } from 'zod';
import { int, real, section, share } from './param.ts';

export const housingSchema = section(
  {
    similarityThreshold: share(0.3, {
      description: 'Mean share of like neighbours (among occupied Moore neighbours) a household wants; below it the household is unhappy.',
      unit: 'share of neighbours',
      source: 'Schelling 1971; NetLogo Segregation default 30%',
    }),
    thresholdSpread: real(0, 0, 1, {
      description: "Standard deviation of the households' thresholds around the mean (heterogeneous tolerance, Hatna & Benenson 2015).",
      unit: 'share of neighbours',
      source: 'Hatna & Benenson 2015',
    }),
    moveProbability: share(0.01, {
      description: 'Probability that an unhappy household moves on a given day (1 in the classic model: every unhappy household moves every step).',
      unit: 'probability per day',
      source: 'assumed: about a third of unhappy households move within a month',
    }),
    prejudiceWeight: real(0.5, 0, 10, {
      description:
        "How much a household's threshold moves with its head's prejudice (threshold + weight x (prejudice - the group's initial mean)): contact that lowers prejudice raises tolerance.",
      unit: 'share of neighbours per unit prejudice',
      source: 'assumed (Urselmans & Phelps 2018: tolerance adapts)',
    }),
    rentGradient: share(0.5, {
      description:
        'How much dearer the central districts are than the edge (rent runs from 1 - gradient/2 at the edge to 1 + gradient/2 at the centre, relative to the mean).',
      unit: 'share of mean rent',
      source: 'assumed',
    }),
    affordability: real(1.2, 0, 10, {
      description:
        'A household can afford a district whose relative rent is at most affordability x its means (means run from 0.4 with no earner to 1.4 with all adults employed).',
      unit: 'ratio',
      source: 'assumed',
    }),
    search: z.enum(['random', 'best-of']).default('best-of').meta({
      description:
        '"random": move to a uniformly random vacant dwelling (the classic model); "best-of": look at a few random vacancies and take the one with most like neighbours.',
      unit: 'choice',
    }),
    candidates: int(5, 1, 100, { description: 'Vacancies looked at when search is "best-of".', unit: 'dwellings', source: 'assumed' }),
  },
  'Residential moves (a Schelling-like model).',
);
