import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, ROOT, tempDir } from '../helpers.ts';
import { icityAsync, launchBrowser, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';
import { staticHost } from './staticHost.ts';

const work = tempDir('icity-live-view-');
const site = path.join(work, 'web');
let host: { url: string; close(): Promise<void> };
let browser: Browser;
let cli: ReturnType<typeof readCsv>;

/** The row the page shows in <output id="live-metrics">, once it is on `day`. */
async function liveRow(page: Page, day: number, id = 'live-metrics'): Promise<Record<string, number>> {
  try {
    await page.waitForFunction(([d, i]) => document.getElementById(i as string)?.dataset.day === String(d), [day, id] as const, { timeout: 60_000 });
  } catch (err) {
    const why = await page.evaluate(
      () =>
        `error: ${document.getElementById('error')?.textContent}; status: ${document.getElementById('live-status')?.textContent}; ${document.getElementById('day-counter')?.textContent}`,
    );
    throw new Error(`${(err as Error).message}\n${why}`);
  }
  return JSON.parse((await page.getAttribute(`#${id}`, 'data-row'))!);
}

const cliRow = (day: number) => Object.fromEntries(cli.header.map((h, k) => [h, cli.rows[day][k]]));

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'viz', 'server', 'buildWeb.ts'), site], { cwd: ROOT, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  const run = await icityAsync(['run', 'scenarios/teaching.json', '--days', '60', '--seed', '1', '--out', path.join(work, 'run'), '--json']);
  expect(run.status).toBe(0);
  cli = readCsv(path.join(work, 'run', 'metrics.csv'));
  host = await staticHost(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the live view, from the static build on a plain static host', () => {
  it('runs the teaching town without cross-origin isolation and gives the same metrics as icity run', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const seen = watchPage(page, host.url.slice(0, -1));
    await page.goto(`${host.url}?live=teaching&seed=1&until=60`);
    const row = await liveRow(page, 60);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(row).toEqual(cliRow(60));
    expect(await page.textContent('#provenance')).toMatch(/Scenario teaching · seed 1 · interethnic-city \d+\.\d+\.\d+ · scenario hash [0-9a-f]{12}/);
    await screenshot(page, 'live-1280x720.png');
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await page.close();
  });

  it('changes the dynamics from the day a slider moves, marks it and keeps it in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${host.url}?live=teaching&seed=1&until=20`);
    await liveRow(page, 20);
    await page.fill('#knob-similarity', '0.8');
    await page.waitForFunction(() => location.search.includes('ch=20:similarity:0.8'));
    // The URL is written as the change is recorded; the mark once the worker has applied it.
    await expect.poll(() => page.locator('.calendar-mark.kind-live-change').count(), { timeout: 15_000 }).toBe(1);
    await page.fill('#until', '60');
    await page.click('#run-to');
    const row = await liveRow(page, 60);
    expect(row.day).toBe(60);
    expect(row.percent_similar).toBeGreaterThan(cliRow(60).percent_similar + 1);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('day') === '60');
    const atChange = await page.evaluate(() => new URL(location.href).search);
    // The same link reopens the same towns on the same day.
    const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(`${host.url}${atChange}`);
    expect(await liveRow(again, 60)).toEqual(row);
    await screenshot(again, 'live-1280x800-changed.png');
    await again.close();
    await page.close();
  });

  it('shows two towns side by side, the same seed, one with a policy, and their difference', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${host.url}?live=teaching&seed=1&until=90&cmp=policy.languageClasses:1&ind=language_mean`);
    const a = await liveRow(page, 90);
    const b = await liveRow(page, 90, 'live-metrics-b');
    expect(a).toEqual(
      await (async () => {
        const run = await icityAsync(['run', 'scenarios/teaching.json', '--days', '90', '--seed', '1', '--out', path.join(work, 'run90'), '--json']);
        expect(run.status).toBe(0);
        const t = readCsv(path.join(work, 'run90', 'metrics.csv'));
        return Object.fromEntries(t.header.map((h, k) => [h, t.rows[90][k]]));
      })(),
    );
    expect(b.class_participants).toBeGreaterThan(0);
    expect(b.language_mean).not.toBe(a.language_mean);
    expect(await page.textContent('#difference')).toMatch(/language mean on day 90: A [\d.]+, B [\d.]+; B − A = /);
    expect(await page.locator('.city-map').count()).toBe(2);
    await screenshot(page, 'live-two-towns-1366x768.png');
    await page.close();
  });

  it('can be used with the keyboard alone: Play is the second tab stop, Space plays and pauses, arrows step', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${host.url}?live=teaching&seed=1`);
    await liveRow(page, 0);
    // The header's Projector button, then Play.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('projector');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('play');
    const box = (await page.locator('#play').boundingBox())!;
    expect(box.y + box.height).toBeLessThan(720);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.getElementById('live-metrics')?.dataset.day) >= 5);
    await page.keyboard.press('Enter');
    const paused = Number(await page.getAttribute('#live-metrics', 'data-day'));
    await page.locator('h2').first().click();
    await page.keyboard.press('ArrowRight');
    await liveRow(page, paused + 1);
    // Focus stays on a knob after it changes the town.
    await page.focus('#knob-school-cooperation');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.search.includes('school.cooperation'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('knob-school-cooperation');
    await page.close();
  });

  it('fits a 390 x 844 phone without sideways scrolling, with readable chart text', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.goto(`${host.url}?live=teaching&seed=1&until=30`);
    await liveRow(page, 30);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const smallest = await page.evaluate(() =>
      Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0)),
    );
    expect(smallest).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'live-390x844.png');
    await page.close();
  });
});

describe('the live view, from the viewer server', () => {
  let server: ServedFolder;
  afterAll(async () => server?.stop());

  it('is cross-origin isolated there and gives the same numbers', async () => {
    fs.mkdirSync(path.join(work, 'served'), { recursive: true });
    server = await serve(path.join(work, 'run'));
    const page = await browser.newPage();
    await page.goto(`${server.url}?live=teaching&seed=1&until=60`);
    expect(await liveRow(page, 60)).toEqual(cliRow(60));
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.close();
  });
});
