import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../sim/cli/schemaCommand.ts';
import { Simulation } from '../../sim/engine/simulation.ts';
import { ROOT, scenarioFrom } from '../helpers.ts';

const files = fs.readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

describe('scenario files', () => {
  it('the committed JSON Schema is the one the zod schemas generate (run `npm run schema` after changing them)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'scenarios', 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('every parameter in the JSON Schema has a description and a unit', () => {
    const missing: string[] = [];
    const walk = (node: any, where: string) => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'object' && node.properties) {
        for (const [k, v] of Object.entries<any>(node.properties)) walk(v, `${where}.${k}`);
        return;
      }
      if (node.type === 'array') {
        // An array of plain values is documented by the array itself.
        if (node.items?.type !== 'object' && !node.items?.oneOf && !node.items?.anyOf) return void (!node.description || !node.unit ? missing.push(where) : 0);
        return walk(node.items, `${where}[]`);
      }
      for (const key of ['oneOf', 'anyOf'])
        if (Array.isArray(node[key]))
          return node[key].forEach((alt: unknown, k: number) => {
            walk(alt, `${where}<${k}>`);
          });
      if (where.endsWith('.$schema')) return;
      if (!node.description || !node.unit) missing.push(where);
    };
    walk(JSON.parse(scenarioJsonSchema()), 'scenario');
    expect(missing).toEqual([]);
  });

  it.each(files)('%s says what it represents and refers to the schema', (file) => {
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', file), 'utf8'));
    expect(raw.$schema).toBe('./scenario.schema.json');
    expect(String(raw.description).length).toBeGreaterThan(80);
  });

  it.each(files)('%s runs a few days at a small size', (file) => {
    const sim = new Simulation(scenarioFrom(file, { 'population.residents': 1500 }));
    expect(sim.indicators().population).toBe(1500);
    for (let d = 0; d < 5; d++) sim.advance();
    const out = sim.indicators();
    for (const v of Object.values(out)) expect(Number.isFinite(v)).toBe(true);
    expect(out.population).toBeGreaterThan(1400);
    sim.close();
  });
});

describe('generated docs', () => {
  it('every generated page of docs/ is the one the declared lists generate (run `npm run docs`)', async () => {
    const { GENERATED_PAGES, renderPage } = await import('../../docs/generate.ts');
    for (const page of Object.keys(GENERATED_PAGES)) {
      const text = fs.readFileSync(path.join(ROOT, 'docs', page), 'utf8');
      expect(renderPage(page, text), page).toBe(text);
    }
  });

  it('the scenario catalogue lists every scenario and experiment file with its description', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'scenarios.md'), 'utf8');
    const files = [
      ...fs.readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')),
      ...fs.readdirSync(path.join(ROOT, 'scenarios', 'experiments')).map((f) => `experiments/${f}`),
    ];
    for (const file of files) {
      const description = String(JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', file), 'utf8')).description ?? '').trim();
      expect(text, file).toContain(`### ${file}\n\n${description}`);
    }
  });
});

describe('the ODD model description', () => {
  it('is the one the schemas and policy plug-ins generate (run `npm run docs`)', async () => {
    const { renderPage } = await import('../../docs/generate.ts');
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'ODD.md'), 'utf8');
    expect(renderPage('ODD.md', text)).toBe(text);
  });

  it('mentions every scenario parameter, timeline field and policy parameter', async () => {
    const { scenarioParameters, timelineParameters, policyParameters } = await import('../../docs/parameters.ts');
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'ODD.md'), 'utf8');
    const paths = [
      ...scenarioParameters().map((r) => r.path),
      ...timelineParameters().flatMap((t) => t.rows.map((r) => r.path)),
      ...policyParameters().flatMap((p) => p.rows.map((r) => r.path)),
    ];
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => !text.includes(`\`${p}\``))).toEqual([]);
  });

  it('gives every parameter a unit and a description', async () => {
    const { scenarioParameters } = await import('../../docs/parameters.ts');
    expect(
      scenarioParameters()
        .filter((r) => !r.unit || !r.description)
        .map((r) => r.path),
    ).toEqual([]);
  });
});
