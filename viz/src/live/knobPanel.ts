import { formatValue } from '../format/formatValue.ts';
import { el } from '../ui/dom.ts';
import type { KnobInfo } from './protocol.ts';

export interface KnobPanel {
  node: HTMLElement;
  /** Shows current values without rebuilding (so focus and scroll stay where they are). */
  setValues(values: Record<string, number>): void;
}

const showValue = (k: KnobInfo, v: number) => (k.toggle ? (v ? 'on' : 'off') : formatValue(v));

/**
 * The knobs of the live view, grouped, each a labelled slider or switch with its value.
 * A change is reported when the user lets go of a slider (or presses a key on it), not on
 * every pixel of a drag: each change is a mark on the timeline.
 */
export function knobPanel(knobs: readonly KnobInfo[], values: Record<string, number>, onChange: (id: string, value: number) => void): KnobPanel {
  const inputs = new Map<string, { input: HTMLInputElement; out: HTMLOutputElement; knob: KnobInfo }>();
  const groups = [...new Set(knobs.map((k) => k.group))];
  const sections = groups.map((g) => {
    const rows = knobs
      .filter((k) => k.group === g)
      .map((k) => {
        const id = `knob-${k.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
        const input = k.toggle
          ? el('input', { type: 'checkbox', id, disabled: Boolean(k.disabled), 'data-knob': k.id })
          : el('input', { type: 'range', id, min: k.min, max: k.max, step: k.step, disabled: Boolean(k.disabled), 'data-knob': k.id });
        const out = el('output', { for: id, class: 'knob-value' });
        const commit = () => onChange(k.id, k.toggle ? (input.checked ? 1 : 0) : Number(input.value));
        input.addEventListener('change', commit);
        if (!k.toggle) input.addEventListener('input', () => (out.textContent = showValue(k, Number(input.value))));
        inputs.set(k.id, { input, out, knob: k });
        const note = k.disabled ? `Not available: ${k.disabled}.` : k.mode === 'restart' ? 'Changing it starts the town again.' : '';
        return el(
          'div',
          { class: `knob${k.toggle ? ' knob-toggle' : ''}${k.id.split('.').length === 3 ? ' knob-param' : ''}`, title: k.help },
          el('label', { for: id }, k.label, k.unit && !k.toggle ? el('span', { class: 'unit' }, ` (${k.unit})`) : undefined),
          input,
          out,
          note ? el('span', { class: 'knob-note' }, note) : undefined,
        );
      });
    return el('fieldset', { class: 'knob-group' }, el('legend', {}, g), ...rows);
  });
  const node = el('div', { class: 'knob-panel', role: 'group', 'aria-label': 'Knobs' }, ...sections);
  const setValues = (v: Record<string, number>) => {
    for (const [id, { input, out, knob }] of inputs) {
      const value = v[id] ?? knob.value;
      if (knob.toggle) input.checked = Boolean(value);
      else if (document.activeElement !== input || input.value !== String(value)) input.value = String(value);
      out.textContent = showValue(knob, value);
    }
  };
  setValues(values);
  return { node, setValues };
}
