type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

/** Creates an element with attributes (false/undefined are left out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) node.append(c);
  return node;
}

/** A labelled <select>; returns the wrapping label and the select. */
export function labelledSelect(
  label: string,
  options: { value: string; text: string }[],
  value: string,
  onChange: (v: string) => void,
  id?: string,
): { node: HTMLLabelElement; select: HTMLSelectElement } {
  const select = el('select', { id });
  for (const o of options) select.append(el('option', { value: o.value, selected: o.value === value }, o.text));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  return { node: el('label', { class: 'field' }, el('span', {}, label), select), select };
}
