import { parseScenario } from '../loadScenario.ts';
import { applyOverrides } from '../overrides.ts';
import { InputError } from '../inputError.ts';
import type { Scenario } from '../../../scenarios/schema/scenario.ts';

/** One override of an experiment, and where in the experiment file it was written. */
export interface Override {
  key: string;
  value: unknown;
  /** Field path in the experiment file, e.g. "arms[1].set.spaces.school.allport.equalStatus". */
  where: string;
  /** The file it was written in, when not the experiment file (a posterior's cell). */
  file?: string;
}

/**
 * The scenario of an arm: the raw scenario file, then the overrides in order (as `--set`
 * would apply them), then the arm's policies appended to the scenario's "policies", checked
 * by the scenario schema. A problem is reported against the line of the experiment file that
 * caused it (`exp.json: arms[1].set.x: ...`), or against the scenario file when it is the
 * scenario's own.
 */
export function armScenario(file: string, scenarioFile: string, rawScenario: unknown, overrides: Override[], policies: unknown[], armWhere: string): Scenario {
  let input = rawScenario;
  for (const o of overrides) {
    try {
      input = applyOverrides(input, [`${o.key}=${JSON.stringify(o.value)}`]);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(err.problems.map((p) => `${o.file ?? file}: ${o.where}: ${p.replace(/^--set [^:]*: /, '')}`));
    }
  }
  let offset = 0;
  if (policies.length) {
    const obj = input as Record<string, unknown>;
    const existing = Array.isArray(obj.policies) ? obj.policies : [];
    offset = existing.length;
    input = { ...obj, policies: [...existing, ...policies] };
  }
  try {
    const scenario = parseScenario(input, scenarioFile);
    // Costs and effects sum and compare every day of a run.
    if (scenario.record.every !== 1) {
      throw new InputError([
        `${scenarioFile}: record.every: found ${scenario.record.every}; an experiment records every day (1), since its costs add up every day's spending`,
      ]);
    }
    return scenario;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((line) => blame(line, file, scenarioFile, overrides, policies.length ? { where: armWhere, offset } : undefined)));
  }
}

function segments(dotted: string): string[] {
  return dotted
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
    .split('.');
}

function isPrefix(a: string[], b: string[]): boolean {
  return a.length <= b.length && a.every((s, k) => s === b[k]);
}

/** Points a scenario problem at the override or policy of the experiment file that made it. */
function blame(line: string, file: string, scenarioFile: string, overrides: Override[], policies?: { where: string; offset: number }): string {
  const head = `${scenarioFile}: `;
  if (!line.startsWith(head)) return `${file}: ${line}`;
  const rest = line.slice(head.length);
  const colon = rest.indexOf(': ');
  if (colon < 0) return line;
  const fieldPath = rest.slice(0, colon);
  const message = rest.slice(colon + 2);
  const at = segments(fieldPath);
  if (policies && at[0] === 'policies' && at.length > 1 && Number(at[1]) >= policies.offset) {
    const tail = fieldPath.slice(fieldPath.indexOf(']') + 1);
    return `${file}: ${policies.where}.policies[${Number(at[1]) - policies.offset}]${tail}: ${message}`;
  }
  // The last override that touched the field wins, as it did when applied.
  for (let k = overrides.length - 1; k >= 0; k--) {
    const o = overrides[k];
    const key = segments(o.key);
    if (isPrefix(key, at)) {
      const below = at
        .slice(key.length)
        .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
        .join('');
      return `${o.file ?? file}: ${o.where}${below}: ${message}`;
    }
    if (isPrefix(at, key)) return `${o.file ?? file}: ${o.where}: ${fieldPath}: ${message}`;
  }
  return line;
}
