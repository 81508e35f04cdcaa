import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/**
 * Layers point one way: scenarios/schema < sim/model (with its random streams) <
 * sim/policies < sim/engine < sim/cli, and the viewer reads only the output formats, except
 * its live view (viz/src/live), which runs the model itself in the browser: it may use the
 * model, the policies and the engine's Simulation, never the command line.
 */
const FORBIDDEN: { layer: string; mayNotImport: string[] }[] = [
  { layer: 'scenarios/schema', mayNotImport: ['sim/policies', 'sim/engine', 'sim/cli'] },
  { layer: 'sim/model', mayNotImport: ['sim/policies', 'sim/engine', 'sim/cli'] },
  { layer: 'sim/policies', mayNotImport: ['sim/engine', 'sim/cli'] },
  { layer: 'sim/engine', mayNotImport: ['sim/cli'] },
  { layer: 'sim/formats', mayNotImport: ['sim/model', 'sim/policies', 'sim/engine', 'sim/cli', 'viz'] },
  { layer: 'viz/src/live', mayNotImport: ['sim/cli'] },
  { layer: 'viz/src', mayNotImport: ['sim/model', 'sim/policies', 'sim/engine', 'sim/cli', 'scenarios'] },
];

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The project files a source file imports (static, dynamic and type imports), relative to the root. */
function importsOf(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), s)));
}

/** Every import that crosses a layer the wrong way, as "file -> imported". */
function backwardImports(files: string[], read?: (file: string) => string): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const rule = FORBIDDEN.find((r) => file.startsWith(r.layer + '/'));
    if (!rule) continue;
    for (const imported of importsOf(file, read?.(file))) {
      if (rule.mayNotImport.some((layer) => imported === layer || imported.startsWith(layer + '/'))) bad.push(`${file} -> ${imported}`);
    }
  }
  return bad;
}

describe('layers', () => {
  const files = FORBIDDEN.flatMap((r) => filesUnder(r.layer));

  it('no file imports from a layer above its own', () => {
    expect(backwardImports(files)).toEqual([]);
  });

  it('no file of sim/model imports from sim/engine or sim/policies', () => {
    const model = filesUnder('sim/model');
    expect(model.length).toBeGreaterThan(20);
    const bad = model.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('sim/engine/') || i.startsWith('sim/policies/'))
        .map((i) => `${f} -> ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('the check finds a backward import when there is one', () => {
    const text = "import type { PolicyHost } from '../policies/policyHost.ts';\nconst s = await import('../engine/simulation.ts');\n";
    expect(backwardImports(['sim/model/step.ts'], () => text)).toEqual([
      'sim/model/step.ts -> sim/policies/policyHost.ts',
      'sim/model/step.ts -> sim/engine/simulation.ts',
    ]);
  });
});
