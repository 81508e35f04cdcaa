import { InputError } from './inputError.ts';

/**
 * `--set path=value` overrides, applied to the raw input before validation so that they
 * are checked exactly like the file. The value is read as JSON when it parses (numbers,
 * true/false, arrays, objects) and as a string otherwise. Numeric path parts index arrays.
 */
export function applyOverrides(input: unknown, sets: readonly string[]): unknown {
  const root = structuredClone(input) as Record<string, unknown>;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new InputError([`--set ${set}: expected path=value, e.g. --set housing.similarityThreshold=0.4`]);
    const path = set.slice(0, eq).split('.');
    const raw = set.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    let node: Record<string, unknown> = root;
    for (let k = 0; k < path.length - 1; k++) {
      const key = path[k];
      if (key === '' || key === '__proto__' || key === 'constructor' || key === 'prototype')
        throw new InputError([`--set ${set}: "${key}" is not a field name`]);
      checkIndex(set, path, k, node);
      if (node[key] === undefined) node[key] = /^\d+$/.test(path[k + 1]) ? [] : {};
      const next = node[key];
      if (next === null || typeof next !== 'object')
        throw new InputError([
          `--set ${set}: ${path.slice(0, k + 1).join('.')} is ${JSON.stringify(next)}, not an object, so it has no field "${path[k + 1]}"`,
        ]);
      node = next as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    if (last === '' || last === '__proto__' || last === 'constructor' || last === 'prototype')
      throw new InputError([`--set ${set}: "${last}" is not a field name`]);
    checkIndex(set, path, path.length - 1, node);
    node[last] = value;
  }
  return root;
}

/**
 * In an array only the indices of its items land on a field: "01", "-1" or an index past
 * the end would set a property that validation never sees (or grow a huge array).
 */
function checkIndex(set: string, path: string[], k: number, node: unknown): void {
  if (!Array.isArray(node)) return;
  const key = path[k];
  const where = path.slice(0, k).join('.') || '(the file)';
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new InputError([`--set ${set}: ${where} is a list, so "${key}" must be an item number from 0 to ${node.length - 1}`]);
  if (node.length === 0) throw new InputError([`--set ${set}: ${where} is an empty list, so there is no item ${key}; add items in the scenario file`]);
  if (Number(key) >= node.length) {
    throw new InputError([
      `--set ${set}: ${where} has ${node.length} item${node.length === 1 ? '' : 's'} (0 to ${node.length - 1}), so there is no item ${key}; add items in the scenario file`,
    ]);
  }
}
