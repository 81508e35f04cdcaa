import { z } from 'zod';
import { share } from './param.ts';

/** One population group: the host population or one migrant origin. */
export const groupSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/)
      .meta({ description: 'Name of the group, used in outputs (letters, digits, _ or -; 1..32 characters).', unit: 'text' }),
    share: share(0.5, { description: 'Share of the initial population in this group.', unit: 'share of residents' }),
    host: z
      .boolean()
      .default(false)
      .meta({ description: 'True for the host population (native speakers of the host language); exactly one group is the host.', unit: 'true/false' }),
    language: share(1, {
      description: 'Mean initial proficiency in the host language (0 none, 1 native; A1..C1 are 0.2..1.0). Ignored for the host group, which is native.',
      unit: 'proficiency 0..1',
      source: 'assumed',
    }),
    prejudice: share(0.3, {
      description: 'Mean initial prejudice toward the out-group.',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    education: z
      .strictObject({
        medium: share(0.45, {
          description: 'Share of adults with upper-secondary or vocational education.',
          unit: 'share of adults',
          source: 'assumed (EU order of magnitude)',
        }),
        high: share(0.3, { description: 'Share of adults with tertiary education.', unit: 'share of adults', source: 'assumed (EU order of magnitude)' }),
      })
      .prefault({} as never)
      .refine((e) => e.medium + e.high <= 1 + 1e-9, { message: 'medium + high education shares may add up to at most 1' })
      .meta({ description: 'Education of adults; the rest have low education.' }),
    recognised: share(0.75, {
      description: 'Share of migrants with a foreign diploma (medium or high education) whose diploma is recognised at the start. Ignored for the host group.',
      unit: 'share of diploma holders',
      source: 'assumed',
    }),
    arrivalRate: share(0, {
      description:
        'New residents of this group arriving each year (in households, settling near co-ethnics), as a share of the initial population, so that the flow scales with population.residents. Ignored for the host group.',
      unit: 'share of initial residents per year',
      source: 'scenario data',
    }),
    returnRate: share(0, {
      description: "Share of this group's households that leave the city each year (return or onward migration).",
      unit: 'share per year',
      source: 'assumed',
    }),
    employment: share(0.7, {
      description: 'Initial employment rate of working-age adults.',
      unit: 'share of adults',
      source: 'EU 2017, 73% native-born vs 67% foreign-born aged 20-64 (OECD/EU 2018 Settling In, Indicator 3.1)',
    }),
    participationMen: share(0.95, {
      description: 'Share of working-age men of this group who seek work when without a job.',
      unit: 'share of men 18-64',
      source: "assumed; with labour.hireRate gives employment near the group's rate",
    }),
    participationWomen: share(0.9, {
      description:
        'Share of working-age women of this group who seek work when without a job (mothers living with children by labour.parentParticipation less).',
      unit: 'share of women 18-64',
      source: 'assumed; Denmark 2021: non-Western immigrant women 58% employed against men 69% (Statistics Denmark, Indvandrere i Danmark 2021, ch. 4)',
    }),
  })
  .meta({ description: 'A population group.' });

export type GroupSpec = z.infer<typeof groupSchema>;

export const groupsSchema = z
  .array(groupSchema)
  .min(2)
  .max(250)
  .superRefine((groups, ctx) => {
    const hosts = groups.filter((g) => g.host).length;
    if (hosts !== 1) {
      ctx.addIssue({ code: 'custom', message: `exactly one group must have "host": true (found ${hosts})`, input: groups.map((g) => g.name) });
    }
    const total = groups.reduce((s, g) => s + g.share, 0);
    if (Math.abs(total - 1) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: `group shares must add up to 1 (they add up to ${+total.toFixed(6)})`, input: total });
    }
    const seen = new Set<string>();
    groups.forEach((g, i) => {
      if (seen.has(g.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `group names must be unique ("${g.name}" appears twice)`, input: g.name });
      seen.add(g.name);
    });
  })
  .meta({ description: 'The population groups: one host group and one or more migrant origins.' });
