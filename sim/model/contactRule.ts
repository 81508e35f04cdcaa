import type { Scenario } from '../../scenarios/schema/scenario.ts';

/**
 * The contact rule (DESIGN.md; Allport 1954; Pettigrew & Tropp 2006; Barlow et al. 2012),
 * as plain functions of numbers so it can be read, tested and reused by policies.
 */
export type ContactParams = Scenario['contact'];

const logit = (p: number) => Math.log(p / (1 - p));

// The base log-odds of the parameters last seen: called once per encounter, the rule should
// not take a logarithm each time (each thread has its own module state).
let lastParams: ContactParams | undefined;
let lastBase = 0;

/** Probability that an out-group encounter is negative. */
export function negativeProbability(c: ContactParams, prejudiceA: number, prejudiceB: number, barrier: number, allport: number): number {
  if (c !== lastParams) {
    lastBase = logit(Math.min(Math.max(c.baseNegative, 1e-6), 1 - 1e-6));
    lastParams = c;
  }
  const z = lastBase + c.prejudiceWeight * 0.5 * (prejudiceA + prejudiceB) + c.languageWeight * barrier - c.allportWeight * allport;
  return 1 / (1 + Math.exp(-z));
}

/** The language barrier of two speakers: what the weaker one lacks of the host language. */
export function languageBarrier(languageA: number, languageB: number): number {
  return 1 - Math.min(languageA, languageB);
}

/**
 * Prejudice after a positive out-group encounter: a share of it is removed, more under Allport's
 * conditions, times the person's susceptibility to contact.
 */
export function afterPositive(c: ContactParams, prejudice: number, allport: number, susceptibility = 1): number {
  const effect = Math.min(1, c.positiveEffect * (1 + c.allportBoost * allport) * susceptibility);
  return prejudice - effect * prejudice;
}

/** Prejudice after a negative out-group encounter: a share of the distance to 1 is added. */
export function afterNegative(c: ContactParams, prejudice: number, susceptibility = 1): number {
  return prejudice + Math.min(1, c.negativeEffect * susceptibility) * (1 - prejudice);
}

/** Probability that someone of this prejudice, where talk is chosen, declines an out-group conversation. */
export function declineProbability(c: ContactParams, prejudice: number, chosen: boolean): number {
  return chosen ? c.selfSelection * prejudice : 0;
}

/**
 * Expected change of the prejudice of a person (prejudice p, susceptibility s) in one out-group
 * encounter with a partner of prejudice q, under a language barrier and an Allport score; the
 * tie a positive encounter may become adds its own drop. Incidents are left out (rare).
 */
export function expectedChange(c: ContactParams, tieDrop: number, p: number, q: number, barrier: number, allport: number, s = 1): number {
  const neg = negativeProbability(c, p, q, barrier, allport);
  return (1 - neg) * (afterPositive(c, p, allport, s) - p - tieDrop * s * p) + neg * (afterNegative(c, p, s) - p);
}
