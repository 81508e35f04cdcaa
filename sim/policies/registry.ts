import { z } from 'zod';
import type { Policy } from './policy.ts';
import type { PolicyEntryCommon } from '../../scenarios/schema/scenario.ts';
import { languageClasses } from './languageClasses.ts';
import { guarantors } from './guarantors.ts';
import { diplomaRecognition } from './diplomaRecognition.ts';
import { motherTongue } from './motherTongue.ts';
import { teacherTraining } from './teacherTraining.ts';
import { welcomingCampaign } from './welcomingCampaign.ts';
import { mobilityCourse } from './mobilityCourse.ts';
import { sharedWorship } from './sharedWorship.ts';
import { complaintsCoordinator } from './complaintsCoordinator.ts';
import { serviceOutreach } from './serviceOutreach.ts';
import { taskForce } from './taskForce.ts';
import { neighbourhoodRenewal } from './neighbourhoodRenewal.ts';
import { civicParticipation } from './civicParticipation.ts';

/** Every policy plug-in, by type. Add new ones here (see policy.ts). */
export const POLICIES: readonly Policy[] = [
  languageClasses,
  guarantors,
  diplomaRecognition,
  motherTongue,
  teacherTraining,
  welcomingCampaign,
  mobilityCourse,
  sharedWorship,
  complaintsCoordinator,
  serviceOutreach,
  taskForce,
  neighbourhoodRenewal,
  civicParticipation,
] as readonly Policy[];

export function policyByType(type: string): Policy {
  const p = POLICIES.find((x) => x.type === type);
  if (!p) throw new Error(`unknown policy type "${type}"`);
  return p;
}

/** One entry of a scenario's `policies`: any registered policy, chosen by its `type`. */
export const policyEntrySchema = z.discriminatedUnion('type', POLICIES.map((p) => p.schema) as unknown as [z.ZodObject, ...z.ZodObject[]]);
export type PolicyEntry = z.infer<typeof policyEntrySchema> & PolicyEntryCommon;

export { policyName } from '../../scenarios/schema/policyName.ts';
