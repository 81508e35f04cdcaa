import { z } from 'zod';
import { int, real, share } from './param.ts';

/** Events on the scenario's calendar: shocks from outside the city's daily life. */
const day = (what: string) => int(1, 0, 36_500, { description: `Day on which ${what}.`, unit: 'day' });
const label = z.string().max(200).optional().meta({ description: "A short label for the viewer's timeline.", unit: 'text' });

export const mediaShockSchema = z
  .strictObject({
    type: z.literal('media').meta({ description: "A media shock: sensational news raises hosts' prejudice, which then fades.", unit: 'kind' }),
    day: day('the news breaks'),
    strength: share(0.15, {
      description: 'Rise in host prejudice at the peak, for a resident without out-group ties.',
      unit: 'scale 0..1',
      source: 'assumed (Legewie 2013 measures shifts of this order)',
    }),
    halfLifeDays: real(30, 1, 3650, { description: 'Days for the shock to fade by half.', unit: 'days', source: 'Legewie 2013: effects fade within months' }),
    buffer: share(0.7, {
      description: 'Share of the shock that out-group ties absorb (a resident with 3+ out-group ties gets 1 - buffer of it).',
      unit: 'share',
      source: 'Legewie 2013: less where people have personal contact; size assumed',
    }),
    label,
  })
  .meta({ description: 'A media shock.' });

export const downturnSchema = z
  .strictObject({
    type: z.literal('downturn').meta({ description: 'An economic downturn: fewer hires and more job losses for a while.', unit: 'kind' }),
    day: day('the downturn starts'),
    durationDays: int(365, 1, 36_500, { description: 'Days the downturn lasts.', unit: 'days' }),
    hireMultiplier: share(0.5, { description: 'Hiring chance multiplied by this during the downturn.', unit: 'multiplier', source: 'assumed' }),
    jobLossMultiplier: real(2, 1, 100, { description: 'Job-loss rate multiplied by this during the downturn.', unit: 'multiplier', source: 'assumed' }),
    label,
  })
  .meta({ description: 'An economic downturn.' });

export const arrivalWaveSchema = z
  .strictObject({
    type: z.literal('arrivalWave').meta({ description: 'A wave of arrivals of one group, such as a refugee influx.', unit: 'kind' }),
    day: day('the wave starts'),
    durationDays: int(30, 1, 36_500, { description: 'Days over which the wave arrives (evenly).', unit: 'days' }),
    group: z.string().meta({ description: 'Name of the arriving group (one of population.groups).', unit: 'group name' }),
    arrivals: int(1000, 0, 10_000_000, { description: 'Residents arriving in the wave.', unit: 'residents' }),
    label,
  })
  .meta({ description: 'An arrival wave.' });

export const politicalChangeSchema = z
  .strictObject({
    type: z
      .literal('politicalChange')
      .meta({ description: 'A change of majority: programme budgets are cut from this day, except protected programmes.', unit: 'kind' }),
    day: day('the new majority takes office'),
    cut: share(1, {
      description: 'Share of each unprotected programme that is cut (1 stops it).',
      unit: 'share',
      source: 'Council of Europe remark in the seed report: "a sudden stop at the local level"',
    }),
    label,
  })
  .meta({ description: 'A political change.' });

export const timelineEventSchema = z.discriminatedUnion('type', [mediaShockSchema, downturnSchema, arrivalWaveSchema, politicalChangeSchema]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineSchema = z.array(timelineEventSchema).max(10_000).default([]).meta({ description: 'Shocks on the calendar of the scenario.' });
