import { real, section, share } from './param.ts';

/** Ties, attitudes and identity: the slow variables that contact moves. */
export const tiesSchema = section(
  {
    tieChance: share(0.001, {
      description: 'Probability that a positive encounter turns into a lasting tie (standing for repeated good encounters with the same person).',
      unit: 'probability per positive encounter',
      source: 'assumed: gives about half of host residents an out-group friend after a few years, as European surveys report',
    }),
    tieLifetimeDays: real(1500, 1, 100_000, {
      description: 'Mean lifetime of a tie; ties end at random with rate 1/lifetime.',
      unit: 'days',
      source: 'assumed: a few years',
    }),
    outgroupTieEffect: share(0.2, {
      description: 'Share of prejudice removed when a resident forms an out-group tie (friendship has a larger effect than a single encounter).',
      unit: 'share of current prejudice',
      source:
        'Pettigrew & Tropp 2006 (PSP 90:751, p. 766): cross-group friendship effects are larger; Pettigrew, Tropp, Wagner & Christ 2011 (IJIR 35:271): friendship is the strongest form of contact; size assumed (a tie forming moves prejudice more than a hundred encounters)',
    }),
    friendshipEffect: real(0.006, 0, 1, {
      description:
        'Daily drop in prejudice, as a share of it, per out-group tie a resident holds: a friendship keeps working while it lasts, which a casual encounter does not.',
      unit: 'share of prejudice per tie per day',
      source: 'Pettigrew & Tropp 2006 (PSP 90:751, p. 766; friendship r = -0.25 against -0.21 for all contact); Davies et al. 2011 (PSPR 15:332); size assumed',
    }),
    extendedEffect: share(0.002, {
      description: 'Share of prejudice removed when a resident talks with an in-group member who has an out-group tie (extended contact).',
      unit: 'share of current prejudice per encounter',
      source: 'Wright, Aron, McLaughlin-Volpe & Ropp 1997 (JPSP 73:73); Zhou et al. 2019 (PSPR 23:132): extended contact r = .25; size assumed',
    }),
    jobBoost: real(0.5, 0, 10, {
      description: 'Hiring chance multiplied by 1 + jobBoost x min(ties, 10)/10: networks help find work.',
      unit: 'multiplier',
      source: 'assumed (Granovetter 1973: ties carry job information)',
    }),
  },
  'Ties made from repeated positive encounters.',
);

export const attitudesSchema = section(
  {
    normRate: real(0.0005, 0, 1, {
      description: "Daily pull of a resident's prejudice toward the mean of their group in their district (neighbourhood norm).",
      unit: 'share of the gap per day',
      source: 'assumed',
    }),
    anchor: real(0.01, 0, 1, {
      description:
        "Daily pull of prejudice back toward the resident's own starting disposition: attitudes are also shaped outside contact (family, media, school), so contact moves them against a steady pull and individual differences persist.",
      unit: 'share of the gap per day',
      source:
        'Henry & Sears 2009 (Polit. Psychol. 30:569): racial attitudes crystallise by early adulthood and stay highly stable after; rate assumed (a gap halves in about 69 days), so the spread of prejudice persists (sd 0.15 on day 0, about 0.13 after a year)',
    }),
    extendedContact: real(0.0005, 0, 1, {
      description:
        'Daily drop in prejudice, as a share of it, per unit share of same-group district residents who have out-group ties (extended contact, context effect).',
      unit: 'share per day per unit share',
      source: 'Christ et al. 2014 (PNAS 111:3996, contextual contact); size assumed',
    }),
    threat: real(2, 0, 100, {
      description:
        'Rise in host prejudice per unit rise of the district migrant share within a year, applied daily as the share rises (perceived threat from fast change).',
      unit: 'prejudice per unit share per year',
      source: 'assumed; MigrAgent (Paolillo & Jager): fast arrivals polarise',
    }),
    economicThreat: real(0.2, 0, 100, {
      description:
        'Rise in host prejudice per year per unit of economic downturn (1 minus the hiring multiplier of a labour shock), applied daily while the downturn lasts (realistic group threat).',
      unit: 'prejudice per unit downturn per year',
      source: 'Quillian 1995 (ASR 60:586, Table 3): prejudice rises with poorer economic conditions; size assumed',
    }),
    sizeThreat: real(0.1, 0, 100, {
      description:
        "Daily push of host prejudice, as a share of the distance to 1 per year, per unit of the district's migrant share (group threat from the out-group's size).",
      unit: 'share per unit migrant share per year',
      source: "Quillian 1995 (ASR 60:586, Table 3): prejudice rises with the out-group's share; size assumed",
    }),
    hostExpectation: real(0.3, 0, 2, {
      description:
        "How much the district's host prejudice lowers what migrants adopt of the host culture: prejudiced hosts expect assimilation but exclude, which pushes migrants toward separation and marginalisation (Interactive Acculturation Model).",
      unit: 'adoption per unit host prejudice',
      source: 'Bourhis, Moise, Perreault & Senecal 1997 (IJP 32:369); size assumed',
    }),
    orientationSd: share(0.25, {
      description: "Spread within a group of migrants' own preference for keeping the heritage culture (mean 0.6).",
      unit: 'sd on the 0..1 scale',
      source: 'assumed; Berry, Phinney, Sam & Vedder 2006 (Appl. Psychol. 55:303): all four strategies occur within every group',
    }),
    densityWeight: share(0.3, {
      description: "Weight of co-ethnic density (the group's share of the district, relative to an even share) in the heritage a migrant keeps.",
      unit: 'heritage per unit density',
      source: 'assumed; Berry et al. 2006: ethnic composition of the neighbourhood shapes heritage maintenance',
    }),
    secondGenerationHeritage: share(0.7, {
      description: 'Share of the heritage orientation a migrant-group resident born in the city keeps (the second generation keeps less).',
      unit: 'multiplier',
      source: 'assumed; Portes & Rumbaut 2001 (Legacies): heritage language and identity fade across generations',
    }),
    rejection: share(0.002, {
      description:
        "Share of a migrant's host adoption lost, and of the gap to full heritage maintenance closed, by one negative out-group encounter (rejection-identification: perceived rejection strengthens in-group identity).",
      unit: 'share per negative encounter',
      source: 'Branscombe, Schmitt & Harvey 1999 (rejection-identification model); size assumed',
    }),
    identityRate: real(0.005, 0, 1, {
      description: "Daily pull of trust (toward 0.5), belonging, heritage maintenance and host adoption toward the values a resident's situation supports.",
      unit: 'share of the gap per day',
      source: 'assumed: identities change over years',
    }),
    trustPerInstitutionalContact: share(0.001, {
      description:
        'Rise in trust (share of the gap to 1) after a positive encounter in a space whose institutional support is high (offices, classes, schools).',
      unit: 'share of (1 - trust)',
      source: 'assumed',
    }),
  },
  'Slow attitude and identity dynamics.',
);

export const demographySchema = section(
  {
    birthsPerYear: real(0.009, 0, 0.1, {
      description: 'Births per resident per year, to households with two adults.',
      unit: 'births per resident per year',
      source: 'EU crude birth rate about 9 per 1000 (Eurostat 2022)',
    }),
    elderDeathsPerYear: real(0.045, 0, 1, {
      description: 'Deaths per elder per year.',
      unit: 'deaths per elder per year',
      source: 'assumed; gives a crude death rate near EU levels',
    }),
    childhoodYears: real(18, 1, 30, { description: 'Years a resident stays a child before becoming an adult.', unit: 'years' }),
    workingYears: real(47, 1, 80, { description: 'Years from adulthood to old age (18 to 65).', unit: 'years' }),
  },
  'Births, ageing and deaths, kept simple.',
);
