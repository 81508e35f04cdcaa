import { describe, expect, it } from 'vitest';
import { afterNegative, afterPositive, languageBarrier, negativeProbability } from '../../sim/model/contactRule.ts';
import { contactSchema } from '../../scenarios/schema/contact.ts';

const c = contactSchema.parse({});

describe('the contact rule', () => {
  it('a language barrier makes negative encounters likelier', () => {
    const shared = negativeProbability(c, 0.3, 0.3, languageBarrier(1, 1), 0.5);
    const barrier = negativeProbability(c, 0.3, 0.3, languageBarrier(1, 0.2), 0.5);
    expect(barrier).toBeGreaterThan(shared);
  });

  it('prejudice on either side makes negative encounters likelier', () => {
    expect(negativeProbability(c, 0.8, 0.1, 0, 0.5)).toBeGreaterThan(negativeProbability(c, 0.1, 0.1, 0, 0.5));
  });

  it("Allport's conditions make negative encounters rarer", () => {
    expect(negativeProbability(c, 0.3, 0.3, 0.3, 0.9)).toBeLessThan(negativeProbability(c, 0.3, 0.3, 0.3, 0.1));
  });

  it('with nothing against it an encounter is negative at the base rate', () => {
    expect(negativeProbability(c, 0, 0, 0, 0)).toBeCloseTo(c.baseNegative, 10);
  });

  it('a positive encounter lowers prejudice, more under Allport conditions', () => {
    expect(afterPositive(c, 0.5, 0)).toBeLessThan(0.5);
    expect(afterPositive(c, 0.5, 1)).toBeLessThan(afterPositive(c, 0.5, 0));
  });

  it('a negative encounter raises prejudice more than a positive one lowers it (Barlow et al. 2012)', () => {
    for (const p of [0.2, 0.5]) {
      const up = afterNegative(c, p) - p;
      const down = p - afterPositive(c, p, 0);
      expect(up).toBeGreaterThan(down);
    }
  });

  it('prejudice stays within [0, 1]', () => {
    let p = 0.5;
    for (let k = 0; k < 10000; k++) p = afterNegative(c, p);
    expect(p).toBeLessThanOrEqual(1);
    for (let k = 0; k < 10000; k++) p = afterPositive(c, p, 1);
    expect(p).toBeGreaterThanOrEqual(0);
  });
});
