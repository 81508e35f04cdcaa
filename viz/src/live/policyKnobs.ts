import { z } from 'zod';
import { POLICIES, policyName } from '../../../sim/policies/registry.ts';
import type { Policy } from '../../../sim/policies/policy.ts';
import type { KnobInfo } from './protocol.ts';

/** Fields every policy has; a policy's main parameter is its first field that is not one of them. */
const COMMON = new Set(['type', 'name', 'target', 'districts', 'start', 'stop', 'budget', 'protected']);

interface JsonProperty {
  type?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  unit?: string;
}

export interface PolicyParam {
  field: string;
  min: number;
  max: number;
  step: number;
  unit: string;
  description: string;
  value: number;
}

/**
 * The main parameter of a policy, read from its schema: the first numeric field of its own.
 * The slider runs from the field's minimum to four times its default (the allowed maximum
 * of a field like seats is far beyond what a classroom town can use).
 */
export function mainParam(p: Policy): PolicyParam | undefined {
  const json = z.toJSONSchema(p.schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProperty> };
  for (const [field, prop] of Object.entries(json.properties ?? {})) {
    if (COMMON.has(field) || (prop.type !== 'number' && prop.type !== 'integer')) continue;
    const value = typeof prop.default === 'number' ? prop.default : 0;
    const min = prop.minimum ?? 0;
    const max = Math.min(prop.maximum ?? Math.max(1, value * 4), value > 0 ? Math.max(value * 4, min + 1) : Math.max(1, min + 1));
    const integer = prop.type === 'integer';
    const step = integer ? Math.max(1, Math.round((max - min) / 100)) : niceStep((max - min) / 100);
    return { field, min, max, step, unit: prop.unit ?? '', description: prop.description ?? '', value };
  }
  return undefined;
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return x / p >= 5 ? 5 * p : x / p >= 2 ? 2 * p : p;
}

export const policyKnobId = (type: string) => `policy.${type}`;
export const policyParamId = (type: string, field: string) => `policy.${type}.${field}`;

/** Whether a knob id names a policy switch or a policy's parameter. */
export function isPolicyKnob(id: string): boolean {
  return id.startsWith('policy.');
}

/** Each policy as a switch and, when it has one, its main parameter as a slider. */
export function policyKnobInfos(entries: readonly { type: string }[]): KnobInfo[] {
  const out: KnobInfo[] = [];
  for (const p of POLICIES) {
    const on = entries.some((e) => e.type === p.type) ? 1 : 0;
    const label = policyName({ type: p.type }).replace(/_/g, ' ');
    out.push({
      id: policyKnobId(p.type),
      label: label[0].toUpperCase() + label.slice(1),
      help: p.schema.meta()?.description ?? p.type,
      group: 'Policies',
      min: 0,
      max: 1,
      step: 1,
      unit: '',
      toggle: true,
      mode: 'live',
      value: on,
    });
    const param = mainParam(p);
    if (!param) continue;
    const current = (entries.find((e) => e.type === p.type) as Record<string, unknown> | undefined)?.[param.field];
    out.push({
      id: policyParamId(p.type, param.field),
      label: param.field.replace(/([A-Z])/g, ' $1').toLowerCase(),
      help: param.description,
      group: 'Policies',
      min: param.min,
      max: param.max,
      step: param.step,
      unit: param.unit,
      toggle: false,
      mode: 'live',
      value: typeof current === 'number' ? current : param.value,
    });
  }
  return out;
}
