import { real, section, share } from './param.ts';

/**
 * The contact rule: the chance that an encounter goes badly is a logistic function of the
 * pair's prejudice, their language barrier and the space's Allport conditions.
 */
export const contactSchema = section(
  {
    baseNegative: share(0.04, {
      description:
        'Probability that an encounter is negative when both sides are unprejudiced, share a language and meet in a space with no Allport conditions.',
      unit: 'probability',
      source:
        'assumed; with the weights below about one out-group encounter in eight is negative, as positive contact is reported far more often than negative (Graf, Paolini & Rubin 2014, EJSP 44:536, Table 1)',
    }),
    prejudiceWeight: real(2, 0, 20, {
      description: "Increase in the log-odds of a negative encounter per unit of the pair's mean prejudice.",
      unit: 'log-odds per unit prejudice',
      source: 'assumed',
    }),
    languageWeight: real(1, 0, 20, {
      description:
        'Increase in the log-odds of a negative encounter per unit of language barrier (1 minus the lower host-language proficiency of an out-group pair).',
      unit: 'log-odds per unit barrier',
      source: 'assumed',
    }),
    allportWeight: real(1, 0, 20, {
      description: "Decrease in the log-odds of a negative encounter per unit of the space's Allport score.",
      unit: 'log-odds per unit Allport score',
      source: 'Pettigrew & Tropp 2006 (PSP 90:751, Table 4): conditions strengthen the effect; size assumed',
    }),
    positiveEffect: share(0.001, {
      description: "Share of a resident's prejudice removed by one positive out-group encounter in a space with no Allport conditions.",
      unit: 'share of current prejudice',
      source:
        'assumed; small, so that with attitudes.anchor host r(log(1 + out-group encounters), prejudice) after a year is near the meta-analytic mean (Pettigrew & Tropp 2006, PSP 90:751: r = -0.21; calibration)',
    }),
    allportBoost: real(1, 0, 10, {
      description: "How much a space's Allport score multiplies the effect of a positive encounter (effect times 1 + boost x score).",
      unit: 'multiplier per unit Allport score',
      source: 'Pettigrew & Tropp 2006: larger effects in structured programmes; size assumed',
    }),
    negativeEffect: share(0.002, {
      description:
        'Share of the distance to full prejudice added by one negative out-group encounter. Larger than positiveEffect: negative contact weighs more.',
      unit: 'share of (1 - prejudice)',
      source:
        'Barlow et al. 2012 (PSPB 38:1629): one negative encounter weighs more than one positive; twice positiveEffect assumed. Defaults keep the expected change per out-group encounter at or below zero in every space type (Pettigrew & Tropp 2006: contact reduces prejudice even without the optimal conditions)',
    }),
    selfSelection: share(0.6, {
      description:
        'Where people choose whom they talk to (shops, markets, community and meeting centres, places of worship), the probability that a resident declines an out-group conversation is selfSelection x their prejudice.',
      unit: 'probability per unit prejudice',
      source:
        'Binder et al. 2009 (JPSP 96:843): prejudice reduces later contact as contact reduces prejudice; Pettigrew & Tropp 2006: effects remain where choice is limited; size assumed',
    }),
    susceptibilitySd: real(0.4, 0, 2, {
      description:
        "Spread of stable individual differences in how much contact moves a person: each resident's contact effects are multiplied by a log-normal factor with mean 1 and this standard deviation of its logarithm.",
      unit: 'sd of log multiplier',
      source: 'assumed; Hodson 2011 (Curr. Dir. Psychol. Sci. 20:154): contact effects differ between people',
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
