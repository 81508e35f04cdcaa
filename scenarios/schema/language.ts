import { z } from 'zod';
import { real, section, share } from './param.ts';

/** Learning of the host language, on the CEFR scale where one level is 0.2 of proficiency. */
export const languageSchema = section(
  {
    cumulativeHours: z
      .tuple([
        real(95, 1, 10_000, { description: 'A1.', unit: 'hours' }),
        real(190, 1, 10_000, { description: 'A2.', unit: 'hours' }),
        real(375, 1, 10_000, { description: 'B1.', unit: 'hours' }),
        real(550, 1, 10_000, { description: 'B2.', unit: 'hours' }),
        real(750, 1, 10_000, { description: 'C1.', unit: 'hours' }),
      ])
      .default([95, 190, 375, 550, 750])
      .refine((h) => h.every((x, k) => k === 0 || x > h[k - 1]), { message: 'cumulative hours must increase from A1 to C1' })
      .meta({
        description:
          'Cumulative guided learning hours from zero to reach A1, A2, B1, B2 and C1 for an average adult learner (the hours of a level are the difference with the one before).',
        unit: 'hours',
        source: 'Cambridge English, Guided learning hours (2023): A1 90-100, A2 180-200, B1 350-400, B2 500-600, C1 700-800; midpoints',
      }),
    aptitudeSd: real(0.6, 0, 2, {
      description:
        "Spread of learners' aptitude: each resident's learning speed is multiplied by a log-normal factor with mean 1 and this sd of its logarithm.",
      unit: 'sd of log multiplier',
      source:
        'Bloom 1974 (Am. Psychol. 29:682): the time learners need to reach the same criterion differs about five to one between the slower and the faster (0.6 gives a ratio of 4.7 between the 90th and the 10th percentile); Li 2016 (Appl. Linguist. 37:801): aptitude correlates about .3 to .5 with outcomes',
    }),
    schoolingFactor: z
      .tuple([
        real(0.5, 0, 10, { description: 'Low.', unit: 'multiplier' }),
        real(0.8, 0, 10, { description: 'Medium.', unit: 'multiplier' }),
        real(1.2, 0, 10, { description: 'High.', unit: 'multiplier' }),
      ])
      .default([0.5, 0.8, 1.2])
      .meta({
        description: 'Learning speed by prior schooling (education).',
        unit: 'multiplier',
        source:
          'assumed sizes; BAMF Integrationskursgeschaeftsstatistik 2019 and Tissot et al. 2019 (BAMF Forschungsbericht 33, Evaluation der Integrationskurse): course outcomes rise steeply with years of prior schooling',
      }),
    illiterateShare: share(0.6, {
      description: "Share of low-educated migrants arriving as adults who cannot read or write, or not in the host language's script.",
      unit: 'share of low-educated adult migrants',
      source:
        'BAMF Integrationskursgeschaeftsstatistik 2019: about one course taker in six joins a literacy course (for those who cannot read or write, or not in the Latin script); with a quarter of migrant adults low-educated, that is about 0.6 of them',
    }),
    illiterateFactor: share(0.5, {
      description:
        'Learning speed of a learner who cannot read or write, relative to a literate one (literacy courses need 900-1,200 hours where the general course has 600).',
      unit: 'multiplier',
      source: 'BAMF Konzept fuer einen bundesweiten Alphabetisierungskurs 2015: up to 1,200 lessons',
    }),
    elderFactor: share(0.7, {
      description: 'Learning speed of elders relative to working-age adults.',
      unit: 'multiplier',
      source: 'assumed; Hartshorne, Tenenbaum & Pinker 2018 (Cognition 177:263): learning ability declines with age',
    }),
    talkHours: real(0.025, 0, 10, {
      description: 'Guided-hour equivalent of one out-group conversation in the host language.',
      unit: 'hours per encounter',
      source:
        'assumed: a few minutes of talk at a fraction of the efficiency of a class; with dailyExposureHours gives about a quarter of a CEFR level a year without classes',
    }),
    dailyExposureHours: real(0.03, 0, 10, {
      description: 'Guided-hour equivalent of daily exposure to the host language outside conversation (signs, media).',
      unit: 'hours per day',
      source: 'assumed',
    }),
    childFactor: real(2, 0, 10, {
      description: 'How many times faster children learn than adults.',
      unit: 'multiplier',
      source: 'assumed: children acquire a second language faster',
    }),
  },
  'Learning the host language.',
);
