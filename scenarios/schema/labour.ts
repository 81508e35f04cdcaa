import { z } from 'zod';
import { real, section, share } from './param.ts';

export const labourSchema = section(
  {
    hireRate: real(0.0016, 0, 1, {
      description: 'Daily probability that a job-seeking adult with native language and no discrimination is hired.',
      unit: 'probability per day',
      source: 'assumed; with jobLossRate gives a native employment rate near 73% (EU 2017)',
    }),
    jobLossRate: real(0.0006, 0, 1, {
      description: 'Daily probability that an employed adult loses their job.',
      unit: 'probability per day',
      source: 'assumed: about 20% a year, job changes through unemployment included',
    }),
    languagePenalty: real(0.5, 0, 20, {
      description: 'Hiring odds fall by exp(-penalty x (1 - proficiency)): weak host language lowers job chances.',
      unit: 'per unit of missing proficiency',
      source: 'assumed',
    }),
    discrimination: share(0.1, {
      description: 'Share by which employers cut the hiring chance of migrants, scaled by employer prejudice relative to its initial level.',
      unit: 'share of hiring chance',
      source: 'assumed: field experiments find callback gaps of 20-50% for migrants',
    }),
    levels: z
      .tuple([share(0.4, { description: 'Low-skill jobs.', unit: 'share' }), share(0.4, { description: 'Medium-skill jobs.', unit: 'share' }), share(0.2, { description: 'High-skill jobs.', unit: 'share' })])
      .default([0.4, 0.4, 0.2])
      .meta({ description: 'Shares of workplaces at low, medium and high skill level.', unit: 'shares', source: 'assumed (EU order of magnitude)' }),
    languageForLevel: z
      .tuple([share(0, { description: 'Low.', unit: 'proficiency' }), share(0.2, { description: 'Medium (A1).', unit: 'proficiency' }), share(0.4, { description: 'High (A2).', unit: 'proficiency' })])
      .default([0, 0.2, 0.4])
      .meta({ description: 'Host-language proficiency a job at each skill level needs.', unit: 'proficiency 0..1', source: 'assumed' }),
    mismatch: share(0.12, {
      description: 'Probability that a hire lands one skill level below what the worker qualifies for (imperfect matching, also for natives).',
      unit: 'probability per hire',
      source: 'Italy 2014: 11.5% of employed natives over-qualified (SCIENCE.md)',
    }),
    educationHire: z
      .tuple([real(0.8, 0, 10, { description: 'Low.', unit: 'multiplier' }), real(1, 0, 10, { description: 'Medium.', unit: 'multiplier' }), real(1.25, 0, 10, { description: 'High.', unit: 'multiplier' })])
      .default([0.8, 1, 1.25])
      .meta({ description: 'Hiring chance multiplier by usable education (a foreign diploma counts only once recognised).', unit: 'multiplier', source: 'assumed; calibrated so recognition raises employment (Bruecker et al. 2021: +24.5 pp after three years)' }),
  },
  'The labour market.',
);
