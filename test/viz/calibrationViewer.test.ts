import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { writeCalibration } from '../calibration/fixtures.ts';
import { icityAsync, launchBrowser, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';

const work = tempDir('icity-viewer-calibration-');
const out = path.join(work, 'calibration');
let server: ServedFolder;
let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watchPage>;

beforeAll(async () => {
  // Two parameters, two targets, two waves of two points with two replications: 10 runs of a small city.
  const file = writeCalibration(work, 'cal.json', (c) => {
    c.days = 10;
    c.parameters.push({ path: 'contact.baseNegative', min: 0.01, max: 0.2 });
    (c.targets[0] as { day: number }).day = 10;
  });
  const r = await icityAsync(['calibrate', file, '--out', out, '--workers', '2', '--json']);
  expect(r.status, r.stderr).toBe(0);
  [server, browser] = await Promise.all([serve(out), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  seen = watchPage(page, server.url.replace(/\/$/, ''));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the viewer on a calibration folder', () => {
  it('shows each target with its published value and the prior range, and a pairs plot of the parameters', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.calibration-pairs');
    expect(await page.locator('.calibration-target').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-target')))).toEqual([
      'prejudice_host',
      'host_contact_prejudice',
    ]);
    expect(await page.locator('.calibration-target .published-value').count()).toBe(2);
    expect(await page.locator('.calibration-target .prior-range').count()).toBe(2);
    // 2 parameters: 2 diagonal cells and 2 scatter cells, each with wave 1's two points in grey.
    expect(await page.locator('.pairs-diagonal').count()).toBe(2);
    expect(await page.locator('.pairs-cell').count()).toBe(2);
    expect(await page.locator('.pairs-cell').first().locator('.prior-point').count()).toBe(2);
    const posterior = fs.readFileSync(path.join(out, 'posterior.csv'), 'utf8').trimEnd().split('\n').length - 1;
    expect(await page.locator('.pairs-cell').first().locator('.posterior-point').count()).toBe(posterior);
    expect(await page.textContent('.calibration-summary')).toContain(`${posterior} parameter sets not ruled out`);
    expect(await page.textContent('#provenance')).toMatch(/Calibration small-city · from .*cal\.json/);
    await screenshot(page, 'viewer-calibration.png');
  });

  it('fetched nothing from another origin and logged no error', () => {
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
