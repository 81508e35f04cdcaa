import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../sim/policies/registry.ts';
import { ROOT } from '../helpers.ts';

/** The policy plug-ins defined in sim/policies, by file, whether registered or not. */
function definedPolicies(): { file: string; type: string }[] {
  const dir = path.join(ROOT, 'sim', 'policies');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const m = /definePolicy\(\{\s*type:\s*'([A-Za-z]+)'/.exec(text);
      return m ? [{ file, type: m[1] }] : [];
    });
}

describe('the policy registry', () => {
  const defined = definedPolicies();

  it('registers every policy defined in sim/policies, in a file named after its type', () => {
    expect(defined.length).toBeGreaterThanOrEqual(13);
    expect(POLICIES.map((p) => p.type).sort()).toEqual(defined.map((d) => d.type).sort());
    for (const d of defined) expect(d.file).toBe(`${d.type}.ts`);
  });

  it('every policy has its own test file', () => {
    for (const p of POLICIES) expect(fs.existsSync(path.join(ROOT, 'test', 'policies', `${p.type}.test.ts`)), p.type).toBe(true);
  });

  it('every policy appears in the generated policy docs with its title, mechanism and sources', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'policies.md'), 'utf8');
    for (const p of POLICIES) {
      expect(text, p.type).toContain(`### ${p.title} (\`${p.type}\`)`);
      expect(text, p.type).toContain(p.mechanism);
      expect(text, p.type).toContain(p.source);
    }
  });

  it('no two policies share a type', () => {
    expect(new Set(POLICIES.map((p) => p.type)).size).toBe(POLICIES.length);
  });
});
