import type { z } from 'zod';

/** Turns zod issues into lines: file: field path: the value found; what is allowed. */
export function describeIssues(file: string, input: unknown, issues: readonly z.core.$ZodIssue[], schema?: z.ZodType): string[] {
  const lines: string[] = [];
  for (const issue of tightest(issues)) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = fieldPath([...issue.path, key]);
        const allowed = schema ? allowedKeys(schema, issue.path, input) : [];
        const near = closest(key, allowed);
        lines.push(
          `${file}: ${where}: unknown field${near ? ` (did you mean "${near}"?)` : ''}; allowed here: ${allowed.length ? allowed.join(', ') : 'none'}`,
        );
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch that got furthest says the most.
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
      lines.push(...describeIssues(file, input, best, schema));
      continue;
    }
    const value = valueAt(input, issue.path);
    lines.push(`${file}: ${fieldPath(issue.path)}: ${found(value)}; ${allowed(issue)}`);
  }
  return lines;
}

/** Of several limits broken at one field (an integer's safe range and the field's own), only the tightest is worth saying. */
function tightest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const bound = (i: z.core.$ZodIssue) => Number((i as { maximum?: unknown; minimum?: unknown }).maximum ?? (i as { minimum?: unknown }).minimum);
  const key = (i: z.core.$ZodIssue) => `${i.code}:${i.path.map(String).join('.')}`;
  const best = new Map<string, z.core.$ZodIssue>();
  for (const i of issues) {
    if (i.code !== 'too_big' && i.code !== 'too_small') continue;
    const seen = best.get(key(i));
    if (!seen || (i.code === 'too_big' ? bound(i) < bound(seen) : bound(i) > bound(seen))) best.set(key(i), i);
  }
  return issues.filter((i) => (i.code !== 'too_big' && i.code !== 'too_small') || best.get(key(i)) === i);
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function found(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'found a number too large to hold (it reads as infinity)';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  if (s.length > 60) s = s.slice(0, 57) + '...';
  return `found ${s}`;
}

function allowed(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'} allowed`
        : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'} needed`
        : `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'invalid_value':
      return `allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `must match ${String(issue.pattern)}` : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

/** Field names an object schema accepts at a path (through defaults, optionals, arrays). */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string[] {
  let s: unknown = schema;
  let value: unknown = input;
  const unwrap = () => {
    for (let k = 0; k < 20; k++) {
      const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def.innerType) s = def.innerType;
      else if (def.type === 'pipe' && def.in) s = def.in;
      else if (def.type === 'lazy' && typeof def.getter === 'function') s = (def.getter as () => unknown)();
      else if (def.type === 'union' && Array.isArray(def.options)) s = unionBranch(def.options, value);
      else return;
      if (!s) return;
    }
  };
  for (const p of path) {
    unwrap();
    if (!s) return [];
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
    const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'array' && typeof p === 'number') s = def.element;
    else if (def.type === 'object') s = (def.shape as Record<string, unknown>)[String(p)];
    else return [];
    if (!s) return [];
  }
  unwrap();
  if (!s) return [];
  const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** The branch of a discriminated union (timeline events, policies) that the input's `type` picks. */
function unionBranch(options: unknown[], value: unknown): unknown {
  const type = value !== null && typeof value === 'object' ? (value as { type?: unknown }).type : undefined;
  return options.find((o) => {
    const shape = (o as { _zod: { def: { shape?: Record<string, { _zod: { def: { values?: unknown[] } } }> } } })._zod.def.shape;
    return shape?.type?._zod.def.values?.includes(type);
  });
}

/** The allowed name nearest to a typo, if it is near enough to be a likely slip. */
export function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}
