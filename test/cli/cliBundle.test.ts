import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { ENTRIES, buildBundle, bundleHome, currentBundle } from '../../bin/cliBundle.js';

const dir = tempDir('icity-bundle-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function icityWith(loader: string, args: string[], root = ROOT) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'icity.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ICITY_LOADER: loader, ICITY_DEBUG: '' },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A run folder's files, the manifest without what differs between any two runs (the folder, the time taken). */
function runFiles(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(out).sort()) {
    const bytes = fs.readFileSync(path.join(out, name));
    if (name !== 'manifest.json') files[name] = bytes.toString('base64');
    else {
      const { wallSeconds, ...manifest } = JSON.parse(bytes.toString('utf8'));
      expect(wallSeconds).toBeGreaterThan(0);
      files[name] = JSON.stringify(manifest).replaceAll(JSON.stringify(out).slice(1, -1), '<out>');
    }
  }
  return files;
}

describe('the prebuilt command line', () => {
  it('a run from the bundle (2 run threads) gives the same bytes as a run from the sources', () => {
    const outputs = [];
    for (const loader of ['bundle', 'sources']) {
      const out = path.join(dir, loader);
      const args = ['run', 'scenarios/teaching.json', '--days', '12', '--workers', '2', '--agents', '--out', out];
      const r = icityWith(loader, args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      outputs.push(runFiles(out));
    }
    expect(Object.keys(outputs[0])).toEqual(expect.arrayContaining(['metrics.csv', 'frames.bin', 'agents.csv', 'manifest.json']));
    expect(outputs[0]).toEqual(outputs[1]);
    expect(currentBundle()).toBeDefined();
  });

  it('a start loads the Redis client only for a command given --queue', async () => {
    const bundle = currentBundle() ?? (await buildBundle());
    // The packages reached from the command line's entry by static imports, chunk by chunk.
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of fs.readFileSync(path.join(bundle, file), 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm)) {
        if (m[1].startsWith('./')) visit(m[1].slice(2));
        else if (!m[1].startsWith('node:')) packages.add(m[1]);
      }
    };
    visit('cli.js');
    expect(seen.size).toBeGreaterThan(3);
    expect([...packages]).toEqual(expect.arrayContaining(['seedrandom']));
    expect([...packages].filter((p) => p === 'bullmq' || p === 'ioredis')).toEqual([]);
    // zod is compiled into the bundle (bin/cliBundle.js, BUNDLED_PACKAGES), not loaded as a package.
    expect([...packages].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
  });

  it('every module a worker thread starts from is an entry of the bundle', () => {
    const starts: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('moduleUrl.ts')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/siblingModule\('([^']+)'/g)) {
            starts.push(
              path
                .relative(ROOT, path.resolve(path.dirname(p), m[1]))
                .split(path.sep)
                .join('/'),
            );
          }
        }
      }
    };
    walk(path.join(ROOT, 'sim'));
    expect(starts).toEqual(expect.arrayContaining(['sim/engine/parallel/worker.ts', 'sim/engine/experiment/poolRun.ts']));
    for (const start of starts) expect(ENTRIES).toContain(start);
    const names = ENTRIES.map((e) => path.basename(e));
    expect(new Set(names).size).toBe(names.length);
  });

  it('is not used once a source has changed: the next start rebuilds it from the sources as they are', async () => {
    // A copy of the package whose sources can be edited.
    const root = path.join(dir, 'package');
    for (const part of ['bin', 'sim', 'scenarios', 'viz/server', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    expect(currentBundle(root)).toBeUndefined();

    const first = await buildBundle(root);
    expect(currentBundle(root)).toBe(first);
    expect(icityWith('bundle', ['help'], root).stdout).toContain('icity: the Interethnic City simulation\n');

    // Touching a file without changing it keeps the bundle.
    const cli = path.join(root, 'sim', 'cli.ts');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(cli, later, later);
    expect(currentBundle(root)).toBe(first);

    // Editing one makes it stale; the start after the edit runs the edited sources.
    fs.writeFileSync(cli, fs.readFileSync(cli, 'utf8').replace("'icity: the Interethnic City simulation'", "'icity: an edited simulation'"));
    expect(currentBundle(root)).toBeUndefined();
    const r = icityWith('bundle', ['help'], root);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('icity: an edited simulation\n');
    const second = currentBundle(root);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(fs.readFileSync(path.join(second as string, 'cli.js'), 'utf8')).toContain('icity: an edited simulation');

    // A file of the bundle that is gone makes it stale as well.
    const input = path.join(root, 'sim', 'engine', 'inputError.ts');
    const saved = fs.readFileSync(input);
    fs.rmSync(input);
    expect(currentBundle(root)).toBeUndefined();
    fs.writeFileSync(input, saved);
    expect(currentBundle(root)).toBe(second);
    expect(fs.readdirSync(bundleHome(root)).filter((n) => n.startsWith('.building-'))).toEqual([]);

    // The next build removes bundles nothing has started from for six hours, and keeps recent ones.
    const sevenHoursAgo = new Date(Date.now() - 7 * 60 * 60 * 1000);
    fs.utimesSync(first, sevenHoursAgo, sevenHoursAgo);
    fs.writeFileSync(cli, fs.readFileSync(cli, 'utf8').replace("'icity: an edited simulation'", "'icity: edited again'"));
    const third = await buildBundle(root);
    expect(currentBundle(root)).toBe(third);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(second as string)).toBe(true);
  });

  it('falls back to the sources when the bundle cannot be built, and says why when it is insisted on', () => {
    const root = path.join(dir, 'broken');
    for (const part of ['bin', 'sim', 'scenarios', 'viz/server', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    // A folder where the bundles would go that cannot be written: a file in its place.
    fs.mkdirSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(root, 'dist', 'cli'), '');
    const auto = icityWith('auto', ['--version'], root);
    expect(auto.status).toBe(0);
    expect(auto.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const insisted = icityWith('bundle', ['--version'], root);
    expect(insisted.status).toBe(1);
    expect(insisted.stderr).toContain("icity: could not build the command line's bundle in");
    const wrong = icityWith('fast', ['--version'], root);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('icity: ICITY_LOADER="fast": expected "auto", "bundle" or "sources"\n');
  });
});
