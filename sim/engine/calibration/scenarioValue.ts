/** The value at a dotted path of a scenario (numeric parts index arrays), or undefined when there is none. */
export function getPath(scenario: unknown, dotted: string): unknown {
  let at: unknown = scenario;
  for (const part of dotted.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
