import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { startViewServer } from '../../viz/server/viewServer.ts';
import { icityAsync, launchBrowser, screenshot } from './harness.ts';

const work = tempDir('icity-viewer-errors-');
const runDir = path.join(work, 'run');
let browser: Browser;

beforeAll(async () => {
  const r = await icityAsync([
    'run',
    'scenarios/default.json',
    '--days',
    '20',
    '--workers',
    '1',
    '--out',
    runDir,
    '--json',
    '--set',
    'population.residents=1500',
  ]);
  expect(r.status, r.stderr).toBe(0);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A copy of the real run with one file damaged by `damage`. */
function damagedCopy(name: string, damage: (dir: string) => void): string {
  const dir = path.join(work, name);
  fs.cpSync(runDir, dir, { recursive: true });
  damage(dir);
  return dir;
}

/** Serves a folder with the real server and returns the text of the page's error panel. */
async function errorShown(dir: string, shot?: string): Promise<string> {
  const server = await startViewServer({ dir, host: '127.0.0.1', port: 0 });
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  try {
    await page.goto(server.url);
    await page.waitForSelector('#error:not([hidden]) .error-text', { timeout: 15_000 });
    expect(await page.textContent('h1')).toMatch(/Interethnic City/);
    if (shot) await screenshot(page, shot);
    return (await page.textContent('#error')) ?? '';
  } finally {
    await page.close();
    await server.close();
  }
}

describe('the viewer names the file and the problem instead of showing a blank page', () => {
  it('frames.bin shorter than frames.json says', async () => {
    const header = JSON.parse(fs.readFileSync(path.join(runDir, 'frames.json'), 'utf8'));
    const expected = header.days.length * header.frameBytes;
    const cut = Math.floor(expected / 3);
    const dir = damagedCopy('truncated', (d) => fs.truncateSync(path.join(d, 'frames.bin'), cut));
    const text = await errorShown(dir, 'viewer-error-truncated.png');
    expect(text).toContain(
      `frames.bin: is truncated: it has ${cut.toLocaleString('en-US')} bytes, but frames.json lists ${header.days.length} frames of ${header.frameBytes.toLocaleString('en-US')} bytes (${expected.toLocaleString('en-US')} bytes)`,
    );
    expect(text).toMatch(/run it again/);
  });

  it('a manifest.json that is not JSON', async () => {
    const dir = damagedCopy('corrupt-manifest', (d) => {
      const f = path.join(d, 'manifest.json');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').slice(0, 300));
    });
    expect(await errorShown(dir)).toMatch(/manifest\.json: is not valid JSON \(/);
  });

  it('a missing metrics.csv', async () => {
    const dir = damagedCopy('no-metrics', (d) => fs.rmSync(path.join(d, 'metrics.csv')));
    expect(await errorShown(dir)).toContain('metrics.csv: is missing');
  });

  it('a metrics.csv cut off in the middle of a row', async () => {
    const dir = damagedCopy('cut-metrics', (d) => {
      const f = path.join(d, 'metrics.csv');
      const text = fs.readFileSync(f, 'utf8');
      fs.writeFileSync(f, text.slice(0, Math.floor(text.length * 0.6)));
    });
    expect(await errorShown(dir)).toMatch(/metrics\.csv: line \d+ has \d+ values but the header has \d+/);
  });

  it('a manifest.json of a newer format than the viewer knows', async () => {
    const dir = damagedCopy('newer-manifest', (d) => {
      const f = path.join(d, 'manifest.json');
      const m = JSON.parse(fs.readFileSync(f, 'utf8'));
      m.formatVersion = 2;
      fs.writeFileSync(f, JSON.stringify(m));
    });
    const text = await errorShown(dir, 'viewer-error-newer.png');
    expect(text).toContain('manifest.json: has formatVersion 2, newer than this viewer reads (1)');
    expect(text).toMatch(/Update the viewer/);
  });

  it('a frames.json of a newer format than the viewer knows', async () => {
    const dir = damagedCopy('newer-frames', (d) => {
      const f = path.join(d, 'frames.json');
      const h = JSON.parse(fs.readFileSync(f, 'utf8'));
      h.formatVersion = 3;
      fs.writeFileSync(f, JSON.stringify(h));
    });
    expect(await errorShown(dir)).toContain('frames.json: has formatVersion 3, newer than this viewer reads (1)');
  });

  it('a folder that is neither a run nor an experiment', async () => {
    const dir = damagedCopy('other', (d) => fs.writeFileSync(path.join(d, 'manifest.json'), JSON.stringify({ format: 'something-else' })));
    expect(await errorShown(dir)).toContain(
      'manifest.json: format is "something-else"; expected "icity-run" (a run folder) or "icity-experiment" (an experiment folder)',
    );
  });
});
