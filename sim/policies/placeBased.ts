import type { z } from 'zod';
import { policySchema } from './policy.ts';

/**
 * The schema of a policy that acts on places (schools, markets, a building) or on the other
 * policies of its districts, and so serves everyone there: the common fields of
 * `policySchema` without `target`, so a scenario that gives one is told the field does not
 * exist for this policy.
 */
export function placeSchema<T extends z.ZodRawShape>(type: string, description: string, shape: T) {
  return policySchema(type, description, shape).omit({ target: true }).meta({ description });
}
