import { real, section, share } from './param.ts';

/**
 * The contact rule: the chance that an encounter goes badly is a logistic function of the
 * pair's prejudice, their language barrier and the space's Allport conditions.
 */
export const contactSchema = section(
  {
    baseNegative: share(0.1, {
      description: 'Probability that an encounter is negative when both sides are unprejudiced, share a language and meet in a space with no Allport conditions.',
      unit: 'probability',
      source: 'assumed',
    }),
    prejudiceWeight: real(2, 0, 20, {
      description: 'Increase in the log-odds of a negative encounter per unit of the pair\'s mean prejudice.',
      unit: 'log-odds per unit prejudice',
      source: 'assumed',
    }),
    languageWeight: real(1.5, 0, 20, {
      description: 'Increase in the log-odds of a negative encounter per unit of language barrier (1 minus the lower host-language proficiency of an out-group pair).',
      unit: 'log-odds per unit barrier',
      source: 'assumed',
    }),
    allportWeight: real(1.5, 0, 20, {
      description: "Decrease in the log-odds of a negative encounter per unit of the space's Allport score.",
      unit: 'log-odds per unit Allport score',
      source: 'Pettigrew & Tropp 2006: conditions strengthen the effect; size assumed',
    }),
    positiveEffect: share(0.004, {
      description: 'Share of a resident\'s prejudice removed by one positive out-group encounter in a space with no Allport conditions.',
      unit: 'share of current prejudice',
      source: 'assumed; calibrated to a moderate effect (Pettigrew & Tropp 2006, r about -0.2)',
    }),
    allportBoost: real(1, 0, 10, {
      description: 'How much a space\'s Allport score multiplies the effect of a positive encounter (effect times 1 + boost x score).',
      unit: 'multiplier per unit Allport score',
      source: 'Pettigrew & Tropp 2006: larger effects in structured programmes; size assumed',
    }),
    negativeEffect: share(0.01, {
      description: 'Share of the distance to full prejudice added by one negative out-group encounter. Larger than positiveEffect: negative contact weighs more.',
      unit: 'share of (1 - prejudice)',
      source: 'Barlow et al. 2012 (asymmetry); size assumed',
    }),
    escalation: share(0.003, {
      description: 'Probability that a negative out-group encounter escalates into an incident (a quarrel others see, a complaint, a fight).',
      unit: 'probability',
      source: 'assumed',
    }),
    witnesses: real(3, 0, 100, {
      description: 'People present in the space who see an incident.',
      unit: 'residents per incident',
      source: 'assumed',
    }),
    witnessEffect: share(0.02, {
      description: 'Share of the distance to full prejudice added to each witness of an incident.',
      unit: 'share of (1 - prejudice)',
      source: 'assumed',
    }),
    incidentTrustLoss: share(0.05, {
      description: 'Share of trust in institutions lost by both parties of an incident that nobody mediates.',
      unit: 'share of trust',
      source: 'assumed',
    }),
    institutionalWeight: share(0.4, {
      description: 'Weight of institutional support in the Allport score; the other three conditions share the rest equally.',
      unit: 'weight',
      source: 'Pettigrew & Tropp 2006: institutional support matters most',
    }),
  },
  'How encounters go and what they do to prejudice.',
);
