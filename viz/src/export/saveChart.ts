import { el } from '../ui/dom.ts';
import { provenance } from '../ui/provenance.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Style properties copied onto each element, so a saved SVG looks as on the page without the page's CSS. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** Room under a saved chart for the line saying where its numbers came from. */
const PROVENANCE_HEIGHT = 18;

/** A standalone SVG document of a chart on the page (which has a viewBox), with its styles inlined. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((node, i) => {
    const style = getComputedStyle(node);
    const target = to[i] as SVGElement;
    // Parts the page hides because it shows them in HTML (a chart's title) are kept.
    const props = node.getAttribute('data-export') === 'show' ? PROPS.filter((p) => p !== 'display' && p !== 'visibility') : PROPS;
    // Presentation attributes rather than a style attribute: the page's CSP forbids inline styles.
    for (const p of props) target.setAttribute(p, style.getPropertyValue(p));
    target.removeAttribute('class');
  });
  const box = svg.viewBox.baseVal;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  // Where the numbers came from, under the chart: a saved chart travels without its page.
  const note = provenance();
  if (note) {
    copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height + PROVENANCE_HEIGHT}`);
    copy.setAttribute('height', String(box.height + PROVENANCE_HEIGHT));
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(box.x + 4));
    text.setAttribute('y', String(box.y + box.height + 13));
    text.setAttribute('font-size', '10');
    text.setAttribute('fill', '#555555');
    text.setAttribute('font-family', 'sans-serif');
    text.textContent = note;
    copy.append(text);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Draws an SVG document onto a canvas at `scale` and returns it as a PNG. */
export async function svgToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not make a PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Save SVG" and "Save PNG" buttons for a chart; `svg` builds the chart's SVG when asked. */
export function saveButtons(name: string, svg: () => SVGSVGElement): HTMLElement {
  const file = name.replace(/[^a-z0-9_.-]+/gi, '-');
  const asSvg = el('button', { type: 'button', class: 'save', 'data-save': 'svg', title: `Save ${name} as SVG` }, 'SVG');
  const asPng = el('button', { type: 'button', class: 'save', 'data-save': 'png', title: `Save ${name} as PNG` }, 'PNG');
  const text = () => {
    const node = svg();
    // Computed styles exist only for elements in the document: attach a built copy briefly.
    const scratch = node.isConnected ? undefined : document.body.appendChild(el('div', { class: 'export-scratch' }, node));
    try {
      return { text: svgText(node), box: node.viewBox.baseVal };
    } finally {
      scratch?.remove();
    }
  };
  asSvg.addEventListener('click', () => download(new Blob([text().text], { type: 'image/svg+xml' }), `${file}.svg`));
  asPng.addEventListener('click', async () => {
    const { text: svgDoc, box } = text();
    download(await svgToPng(svgDoc, box.width, box.height + (provenance() ? PROVENANCE_HEIGHT : 0)), `${file}.png`);
  });
  return el('span', { class: 'save-buttons', role: 'group', 'aria-label': `Save ${name}` }, 'Save ', asSvg, ' ', asPng);
}
