import { fileURLToPath } from 'node:url';
import { catalogueSchema, type PracticeEntry } from '../../../scenarios/schema/practices.ts';
import { POLICIES } from '../../policies/registry.ts';
import { InputError } from '../inputError.ts';
import { describeIssues } from '../issues.ts';
import { readJsonFile } from '../readJson.ts';

export const CATALOGUE_FILE = fileURLToPath(new URL('../../../scenarios/catalogue/practices.json', import.meta.url));

/** A catalogue entry with its mechanism and the sources of the mechanism, from its policy. */
export type Practice = PracticeEntry & { mechanism: string; modelSources: string };

/** The catalogue of good practices by id, each completed from its policy plug-in. */
export function loadCatalogue(file = CATALOGUE_FILE): Record<string, Practice> {
  const raw = readJsonFile(file);
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeIssues(file, raw, parsed.error.issues, catalogueSchema));
  const out: Record<string, Practice> = {};
  const problems: string[] = [];
  parsed.data.practices.forEach((p, k) => {
    const policy = POLICIES.find((x) => x.type === p.policy);
    if (!policy) problems.push(`${file}: practices[${k}].policy: found "${p.policy}"; expected one of ${POLICIES.map((x) => x.type).join(', ')}`);
    else if (out[p.id]) problems.push(`${file}: practices[${k}].id: "${p.id}" appears twice`);
    else out[p.id] = { ...p, mechanism: policy.mechanism, modelSources: policy.source };
  });
  if (problems.length) throw new InputError(problems);
  return out;
}
