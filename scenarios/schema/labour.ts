import { z } from 'zod';
import { real, section, share } from './param.ts';

export const labourSchema = section(
  {
    hireRate: real(0.002, 0, 1, {
      description: 'Daily probability that a job-seeking adult with native language and no discrimination is hired.',
      unit: 'probability per day',
      source:
        'assumed; with jobLossRate and the participation rates gives a native employment rate near 73% (EU 2017, OECD/EU 2018 Settling In, Indicator 3.1)',
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
    discrimination: share(0.3, {
      description: 'Share by which employers cut the hiring chance of migrants, scaled by employer prejudice relative to its initial level.',
      unit: 'share of hiring chance',
      source:
        'Quillian, Heath, Pager, Midtboen, Fleischmann & Hexel 2019 (Sociological Science 6:467, Table 2): majority applicants get 1.2 to 1.7 times the callbacks of minority applicants, about 1.45 pooled; 0.3 is a ratio of 1.43',
    }),
    networkHireShare: share(0.5, {
      description:
        "Share of hires made through personal contacts and referrals, where the employers' discrimination measured by application field experiments does not apply (labour.discrimination cuts only the other hires).",
      unit: 'share of hires',
      source:
        'Topa 2011 (Handbook of Social Economics 1B, ch. 22): about half of jobs are found through informal channels; Pellizzari 2010 (ILR Review 63:494): a third to a half in EU countries; field experiments measure callbacks to written applications only (Quillian et al. 2019)',
    }),
    regulatedShare: share(0.3, {
      description: 'Share of medium- and high-skill jobs in regulated occupations, open to a foreign diploma only once recognised.',
      unit: 'share of skilled jobs',
      source: 'assumed; Bruecker, Glitz, Lerche & Romiti 2021 (J. Labor Econ. 39:S1): recognition matters most in regulated occupations',
    }),
    unrecognisedHire: share(0.35, {
      description:
        'Hiring chance of a migrant with an unrecognised foreign diploma, relative to the same person with it recognised (employers discount a diploma they cannot assess).',
      unit: 'multiplier',
      source:
        'calibrated: with regulatedShare gives about +20 points of employment three years after recognition (Bruecker et al. 2021, Table 2: +24.5 points)',
    }),
    unrecognisedDiscount: share(0.5, {
      description: 'Probability that an unrecognised diploma counts one level lower in an unregulated job (a partial discount).',
      unit: 'probability per hire',
      source: 'assumed',
    }),
    upwardMoveRate: real(0.0008, 0, 1, {
      description: 'Daily probability that a worker in a job below what they qualify for moves up to a job at their level (search on the job).',
      unit: 'probability per day',
      source:
        'assumed: about a quarter of the over-qualified a year; over-qualification falls with years since arrival (OECD/EU 2018 Settling In, Indicator 3.6)',
    }),
    parentParticipation: share(0.85, {
      description: 'Participation of mothers living with children, relative to other women of their group.',
      unit: 'multiplier',
      source: 'assumed; OECD Family Database LMF1.2: mothers of young children are less often employed',
    }),
    mobilityHire: real(1.2, 1, 10, {
      description: 'Hiring chance multiplier for graduates of a mobility (cycling) course, who can reach jobs in a wider radius.',
      unit: 'multiplier',
      source: 'assumed',
    }),
    levels: z
      .tuple([
        share(0.4, { description: 'Low-skill jobs.', unit: 'share' }),
        share(0.4, { description: 'Medium-skill jobs.', unit: 'share' }),
        share(0.2, { description: 'High-skill jobs.', unit: 'share' }),
      ])
      .default([0.4, 0.4, 0.2])
      .meta({ description: 'Shares of workplaces at low, medium and high skill level.', unit: 'shares', source: 'assumed (EU order of magnitude)' }),
    languageForLevel: z
      .tuple([
        share(0, { description: 'Low.', unit: 'proficiency' }),
        share(0.2, { description: 'Medium (A1).', unit: 'proficiency' }),
        share(0.4, { description: 'High (A2).', unit: 'proficiency' }),
      ])
      .default([0, 0.2, 0.4])
      .meta({ description: 'Host-language proficiency a job at each skill level needs.', unit: 'proficiency 0..1', source: 'assumed' }),
    mismatch: share(0.12, {
      description: 'Probability that a hire lands one skill level below what the worker qualifies for (imperfect matching, also for natives).',
      unit: 'probability per hire',
      source: 'Italy 2014: 11.5% of employed natives over-qualified (OECD/EU 2015 Indicators of Immigrant Integration, Figure 6.8)',
    }),
    educationHire: z
      .tuple([
        real(0.8, 0, 10, { description: 'Low.', unit: 'multiplier' }),
        real(1, 0, 10, { description: 'Medium.', unit: 'multiplier' }),
        real(1.25, 0, 10, { description: 'High.', unit: 'multiplier' }),
      ])
      .default([0.8, 1, 1.25])
      .meta({
        description: 'Hiring chance multiplier by usable education (a foreign diploma counts only once recognised).',
        unit: 'multiplier',
        source: 'assumed; calibrated so recognition raises employment (Bruecker et al. 2021: +24.5 pp after three years)',
      }),
  },
  'The labour market.',
);
