import type { Column } from '../data/runManifest.ts';
import { el } from './dom.ts';

/**
 * A list of checkboxes for choosing which indicators to chart, folded away under a summary
 * that says how many are shown.
 */
export function indicatorPicker(columns: readonly Column[], chosen: readonly string[], onChange: (chosen: string[]) => void): HTMLElement {
  const summary = el('summary', {});
  const boxes = columns.map((c) => {
    const box = el('input', { type: 'checkbox', value: c.name, checked: chosen.includes(c.name), id: `pick-${c.name}` });
    box.addEventListener('change', () => {
      update();
      onChange(boxes.filter((b) => b.checked).map((b) => b.value));
    });
    return box;
  });
  const list = el(
    'ul',
    { class: 'picker-list' },
    ...columns.map((c, k) =>
      el(
        'li',
        {},
        el('label', { for: `pick-${c.name}`, title: c.description }, boxes[k], ` ${c.name.replace(/_/g, ' ')} `, el('span', { class: 'unit' }, `(${c.unit})`)),
      ),
    ),
  );
  const update = () => {
    summary.textContent = `Indicators: ${boxes.filter((b) => b.checked).length} of ${columns.length} shown (choose)`;
  };
  update();
  return el('details', { class: 'indicator-picker' }, summary, list);
}
