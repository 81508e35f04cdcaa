import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/**
 * The package as a user installs it: packed by npm (which builds dist/lib in prepack),
 * unpacked into a project of its own, imported by plain node and type-checked by a strict
 * tsc. The project sits under .tmp/ in this folder so that the package's dependencies
 * resolve from this node_modules without a download.
 */
const project = path.join(ROOT, '.tmp', `consumer-${process.pid}`);
const installed = path.join(project, 'node_modules', 'interethnic-city');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const run = (cmd: string, args: string[], cwd = project) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

beforeAll(() => {
  fs.mkdirSync(installed, { recursive: true });
  const pack = run('npm', ['pack', '--silent', '--pack-destination', project], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = path.join(project, pack.stdout.trim().split('\n').pop()!);
  expect(run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']).status).toBe(0);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 600_000);
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

const USE = `
import { Simulation, parseScenario, INDICATOR_NAMES, parallelFor } from 'interethnic-city';
const scenario = parseScenario({
  name: 'consumer',
  days: 2,
  city: { districtsX: 2, districtsY: 2 },
  population: { residents: 300, groups: [{ name: 'host', share: 0.7, host: true }, { name: 'newcomers', share: 0.3 }] },
});
const sim = new Simulation(scenario, { workers: 2, parallel: parallelFor });
sim.advance();
const prejudice: number = sim.indicators().prejudice_host;
sim.close();
let refused = '';
try {
  new Simulation(scenario, { workers: 2 });
} catch (err) {
  refused = (err as Error).message;
}
console.log(JSON.stringify({ day: sim.day, prejudice, names: INDICATOR_NAMES.length, threads: sim.threads, refused }));
`;

describe('the packed package', () => {
  it('ships compiled JavaScript and declarations, and no test files', () => {
    expect(fs.existsSync(path.join(installed, 'dist/lib/sim/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/lib/sim/index.d.ts'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'test'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].import).toBe('./dist/lib/sim/index.js');
  });

  it('imports and runs with plain node, threads included', () => {
    fs.writeFileSync(path.join(project, 'use.mjs'), USE.replace(/: number/, '').replace(/ as Error/, ''));
    const r = run(process.execPath, ['use.mjs']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ day: 1, threads: 2 });
    expect(out.prejudice).toBeGreaterThan(0);
    expect(out.names).toBeGreaterThan(40);
    expect(out.refused).toMatch(/workers: 2 needs an executor for the threads/);
  });

  it('type-checks under a strict tsc, and a misspelt indicator name is an error', () => {
    fs.writeFileSync(path.join(project, 'use.ts'), `${USE}\n// @ts-expect-error misspelt on purpose\nconsole.log(sim.indicators().prejudise_host);\n`);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        },
        files: ['use.ts'],
      }),
    );
    const r = run(process.execPath, [TSC, '-p', '.']);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 600_000);
});
