import { real, section } from './param.ts';

/** Learning of the host language, on the CEFR scale where one level is 0.2 of proficiency. */
export const languageSchema = section(
  {
    hoursPerLevel: real(200, 1, 10_000, {
      description: 'Guided learning hours to climb one CEFR level (0.2 of proficiency) as an adult.',
      unit: 'hours per level',
      source: 'SCIENCE.md: about 200 guided hours per CEFR level from zero',
    }),
    talkHours: real(0.025, 0, 10, {
      description: 'Guided-hour equivalent of one out-group conversation in the host language.',
      unit: 'hours per encounter',
      source: 'assumed: a few minutes of talk at a fraction of the efficiency of a class; with dailyExposureHours gives about a quarter of a CEFR level a year without classes',
    }),
    dailyExposureHours: real(0.03, 0, 10, {
      description: 'Guided-hour equivalent of daily exposure to the host language outside conversation (signs, media).',
      unit: 'hours per day',
      source: 'assumed',
    }),
    childFactor: real(2, 0, 10, {
      description: 'How many times faster children learn than adults.',
      unit: 'multiplier',
      source: 'assumed: children acquire a second language faster (no number fixed by SCIENCE.md)',
    }),
  },
  'Learning the host language.',
);
