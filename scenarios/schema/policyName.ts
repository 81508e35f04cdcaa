/** The name a policy goes by in outputs: its `name`, or its type in snake_case. */
export function policyName(entry: { type: string; name?: string }): string {
  return entry.name ?? entry.type.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
