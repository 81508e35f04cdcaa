import { isWeekend } from '../model/schedule.ts';

export const NO_SESSION = -1;

/**
 * Hours of today's session for a programme of so many hours a week, held on the first
 * weekdays of the week in sessions of up to 3 hours; NO_SESSION on other days.
 */
export function sessionPlan(hoursPerWeek: number, day: number): number {
  if (isWeekend(day)) return NO_SESSION;
  const sessions = Math.min(5, Math.max(1, Math.ceil(hoursPerWeek / 3)));
  return day % 7 < sessions ? hoursPerWeek / sessions : NO_SESSION;
}
