import type { Check } from './check.ts';
import { schellingCheck } from './schellingCheck.ts';
import { indicesCheck } from './indicesCheck.ts';
import { contactPrejudiceCheck } from './contactPrejudiceCheck.ts';
import { employmentCheck } from './employmentCheck.ts';
import { languageCourseCheck } from './languageCourseCheck.ts';

/** The validation checks, in report order. */
export const CHECKS: readonly Check[] = [schellingCheck, indicesCheck, contactPrejudiceCheck, employmentCheck, languageCourseCheck];
