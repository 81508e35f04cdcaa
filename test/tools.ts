import fs from 'node:fs';
import path from 'node:path';

/**
 * Suites that need a program beyond Node: they skip on a machine without it, with one line
 * saying how to enable them, and fail instead under CI (CI=true), where .ci/run installs
 * both. vitest.config.ts applies this before any test file loads.
 */
export interface Tool {
  name: string;
  /** Test files that need it, relative to the project. */
  files: string[];
  present(): boolean;
  enable: string;
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, command)));
}

/** The viewer's browser tests: every test file that drives Chromium through the harness. */
function browserTestFiles(): string[] {
  const dir = path.join(import.meta.dirname, 'viz');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && /\blaunchBrowser\b/.test(fs.readFileSync(path.join(dir, f), 'utf8')))
    .sort()
    .map((f) => `test/viz/${f}`);
}

export const TOOLS: Tool[] = [
  {
    name: 'redis-server',
    files: ['test/distributed/queue.test.ts', 'test/distributed/redisDatabase.test.ts'],
    present: () => onPath('redis-server'),
    enable: 'install Redis (Debian: apt-get install redis-server) to run the queue tests',
  },
  {
    name: 'chromium',
    files: browserTestFiles(),
    present: () => fs.existsSync(CHROMIUM),
    enable: `install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH to run the viewer's browser tests (looked for ${CHROMIUM})`,
  },
];

/** The test files to leave out and the line to print for each missing tool; under CI a missing tool is an error. */
export function missingTools(tools: Tool[], ci: boolean): { exclude: string[]; lines: string[] } {
  const missing = tools.filter((t) => !t.present());
  if (ci && missing.length)
    throw new Error(
      `CI=true: ${missing.map((t) => t.name).join(' and ')} missing; the tests that need ${missing.length > 1 ? 'them' : 'it'} must run in CI (${missing.map((t) => t.enable).join('; ')})`,
    );
  return {
    exclude: missing.flatMap((t) => t.files),
    lines: missing.map((t) => `Skipping ${t.files.length} test file${t.files.length > 1 ? 's' : ''}: ${t.name} not found; ${t.enable}.`),
  };
}
