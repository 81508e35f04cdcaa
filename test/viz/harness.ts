import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BIN, ROOT } from '../helpers.ts';
import { CHROMIUM } from '../tools.ts';

/** Debian's Chromium (or CHROMIUM_PATH), the browser the viewer's tests drive. */
export { CHROMIUM };
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export interface ServedFolder {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the real `icity view DIR --port 0` in a child process and waits for its address. */
export function serve(dir: string, extra: string[] = []): Promise<ServedFolder> {
  const child = spawn(process.execPath, [BIN, 'view', dir, '--port', '0', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`icity view printed no address in 30 s: ${out}${err}`)), 30_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/\S+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`icity view exited with ${code}: ${err}`));
    });
  });
}

/** Runs the icity command to completion (for producing runs and experiments). */
export function icityAsync(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** A small experiment file in `dir`: the default city at 3,000 residents for 30 days, 2 replications. */
export function writeSmallExperiment(dir: string): string {
  const file = path.join(dir, 'viewer-experiment.json');
  const experiment = {
    name: 'viewer-test',
    description: 'The default city, small, with schools and workplaces that meet the contact conditions.',
    scenario: path.relative(dir, path.join(ROOT, 'scenarios', 'default.json')),
    set: { 'population.residents': 3000 },
    days: 30,
    replications: 2,
    reportDays: [15, 'end'],
    arms: [
      {
        name: 'allport',
        description: 'Schools and workplaces meet the contact conditions.',
        set: {
          'spaces.school.allport.cooperation': 1,
          'spaces.school.allport.institutionalSupport': 1,
          'spaces.workplace.allport.cooperation': 1,
          'spaces.workplace.allport.institutionalSupport': 1,
        },
      },
    ],
  };
  fs.writeFileSync(file, JSON.stringify(experiment, null, 2));
  return file;
}

/** Saves a screenshot of the whole page under test/artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Watches a page for errors and for requests to any origin other than the viewer's. */
export function watchPage(page: Page, origin: string): { errors: string[]; foreign: string[] } {
  const seen = { errors: [] as string[], foreign: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) seen.foreign.push(u);
  });
  return seen;
}

/** Reads frame `index` of a run folder's frames.bin as the viewer should show it. */
export function readFrame(runDir: string, day: number): { grid: Uint8Array; districts: Float32Array; header: Record<string, any> } {
  const header = JSON.parse(fs.readFileSync(path.join(runDir, 'frames.json'), 'utf8'));
  const index = header.days.indexOf(day);
  if (index < 0) throw new Error(`day ${day} is not a recorded day`);
  const bin = fs.readFileSync(path.join(runDir, 'frames.bin'));
  const start = index * header.frameBytes;
  const grid = new Uint8Array(bin.subarray(start, start + header.gridBytes));
  const offset = start + header.gridBytes + header.paddingBytes;
  const districts = new Float32Array(bin.buffer.slice(bin.byteOffset + offset, bin.byteOffset + offset + header.districtBytes));
  return { grid, districts, header };
}
