import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { missingTools, TOOLS, type Tool } from '../tools.ts';
import { ROOT, tempDir } from '../helpers.ts';

const absent: Tool = { name: 'redis-server', files: ['test/distributed/queue.test.ts'], present: () => false, enable: 'install Redis' };
const here: Tool = { ...absent, name: 'chromium', files: ['test/viz/runViewer.test.ts'], present: () => true };

describe('tests on a machine without Redis or Chromium', () => {
  it('leaves out the suites of a missing tool with one line saying how to enable them', () => {
    expect(missingTools([absent, here], false)).toEqual({
      exclude: ['test/distributed/queue.test.ts'],
      lines: ['Skipping 1 test file: redis-server not found; install Redis.'],
    });
    expect(missingTools([here], false)).toEqual({ exclude: [], lines: [] });
  });

  it('fails instead of skipping under CI', () => {
    expect(() => missingTools([absent, here], true)).toThrow(/CI=true: redis-server missing/);
  });

  it('names only test files that exist', () => {
    for (const t of TOOLS) for (const f of t.files) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it('vitest itself skips them when redis-server and chromium are not found (an empty PATH)', () => {
    const emptyDir = tempDir('icity-empty-path-');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'list', '--filesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: emptyDir, CHROMIUM_PATH: '/nonexistent/chromium', CI: '' },
    });
    fs.rmSync(emptyDir, { recursive: true, force: true });
    for (const t of TOOLS) expect(r.stderr).toContain(`Skipping ${t.files.length} test files: ${t.name} not found`);
    expect(TOOLS.find((t) => t.name === 'chromium')!.files).toContain('test/viz/liveView.test.ts');
    expect(r.stdout).not.toContain('queue.test.ts');
    expect(r.stdout).not.toContain('runViewer.test.ts');
    expect(r.stdout).toContain('freshMachine.test.ts');
  });
});
