/**
 * Flattens the scenario's JSON Schema (generated from the zod schemas) into rows of
 * parameters: path, default, unit, description, source. The ODD's parameter tables are made
 * from these rows, and a test checks every row appears there.
 */
import { z } from 'zod';
import { scenarioSchema } from '../sim/policies/scenarioSchema.ts';
import { POLICIES } from '../sim/policies/registry.ts';

export interface ParameterRow {
  path: string;
  default: string;
  unit: string;
  description: string;
  source: string;
}

type Node = Record<string, any>;

function fmtDefault(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number' && v >= Number.MAX_SAFE_INTEGER) return 'unlimited';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

export function flatten(node: Node, path: string, rows: ParameterRow[], skip: (path: string) => boolean = () => false): void {
  if (!node || typeof node !== 'object' || skip(path)) return;
  if (node.type === 'object' && node.properties) {
    for (const [k, v] of Object.entries<Node>(node.properties)) if (k !== '$schema') flatten(v, path ? `${path}.${k}` : k, rows, skip);
    return;
  }
  if (node.type === 'array' && node.items?.type === 'object') {
    flatten(node.items, `${path}[]`, rows, skip);
    return;
  }
  rows.push({ path, default: fmtDefault(node.default), unit: node.unit ?? '', description: node.description ?? '', source: node.source ?? '' });
}

/** Every scenario parameter except the timeline and policies (which have their own tables). */
export function scenarioParameters(): ParameterRow[] {
  const rows: ParameterRow[] = [];
  flatten(z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Node, '', rows, (p) => p === 'timeline' || p === 'policies');
  return rows;
}

/** Fields of each timeline event type. */
export function timelineParameters(): { type: string; description: string; rows: ParameterRow[] }[] {
  const json = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Node;
  return (json.properties.timeline.items.oneOf as Node[]).map((alt) => {
    const rows: ParameterRow[] = [];
    flatten(alt, `timeline[type=${alt.properties.type.const}]`, rows);
    return { type: alt.properties.type.const, description: alt.properties.type.description ?? '', rows };
  });
}

/** Each policy with its fields. */
export function policyParameters() {
  return POLICIES.map((p) => {
    const rows: ParameterRow[] = [];
    flatten(z.toJSONSchema(p.schema, { io: 'input', unrepresentable: 'any' }) as Node, `policies[type=${p.type}]`, rows);
    return { policy: p, rows };
  });
}

export function parameterTable(rows: ParameterRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| parameter | default | unit | meaning | source |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.path}\` | ${esc(r.default)} | ${esc(r.unit)} | ${esc(r.description)} | ${esc(r.source || '—')} |`),
  ].join('\n');
}
