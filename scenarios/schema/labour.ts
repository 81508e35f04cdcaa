import { real, section, share } from './param.ts';

export const labourSchema = section(
  {
    hireRate: real(0.0008, 0, 1, {
      description: 'Daily probability that a job-seeking adult with native language and no discrimination is hired.',
      unit: 'probability per day',
      source: 'assumed; with jobLossRate gives a native employment rate near 73% (EU 2017)',
    }),
    jobLossRate: real(0.0003, 0, 1, {
      description: 'Daily probability that an employed adult loses their job.',
      unit: 'probability per day',
      source: 'assumed: about 10% a year',
    }),
    languagePenalty: real(1, 0, 20, {
      description: 'Hiring odds fall by exp(-penalty x (1 - proficiency)): weak host language lowers job chances.',
      unit: 'per unit of missing proficiency',
      source: 'assumed',
    }),
    discrimination: share(0.2, {
      description: 'Share by which employers cut the hiring chance of migrants, scaled by employer prejudice relative to its initial level.',
      unit: 'share of hiring chance',
      source: 'assumed: field experiments find callback gaps of 20-50% for migrants',
    }),
  },
  'The labour market.',
);
