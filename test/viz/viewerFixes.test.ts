import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { icityAsync, launchBrowser, screenshot, serve, type ServedFolder } from './harness.ts';

/**
 * What a first try of the viewer in Chromium found, each fixed: shared links, the fold,
 * focus and tab order, many arms, costs, one replication, the intro, hovering, reloading,
 * a phone, provenance, wording, projector mode.
 */
const work = tempDir('icity-viewer-fixes-');
const expDir = path.join(work, 'many');
let server: ServedFolder;
let browser: Browser;

const dayShown = async (p: Page) => Number(/Day (\d+) \//.exec((await p.textContent('#day-counter')) ?? '')?.[1]);

beforeAll(async () => {
  // Ten arms of one replication each: more than one chart can hold apart.
  const arms = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.45, 0.5, 0.55, 0.6].map((t) => ({
    name: `want-${Math.round(t * 100)}`,
    description: `Households want ${t * 100}% like neighbours.`,
    set: { 'housing.similarityThreshold': t },
  }));
  const file = path.join(work, 'many-arms.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      name: 'many-arms',
      description: 'Ten thresholds.',
      scenario: path.relative(work, path.join(ROOT, 'scenarios', 'teaching.json')),
      days: 30,
      replications: 1,
      reportDays: ['end'],
      arms,
    }),
  );
  const r = await icityAsync(['experiment', file, '--out', expDir, '--workers', '2', '--json']);
  expect(r.status, r.stderr).toBe(0);
  [server, browser] = await Promise.all([serve(expDir), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the viewer, as a first try in Chromium found it, fixed', () => {
  it('reopens a shared link on its day, speed included, and keeps Play above the fold on laptop screens', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1366, 768],
      [1280, 800],
    ]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${server.url}?view=compare&day=20&speed=5`);
      await page.waitForSelector('.arms-chart');
      await expect.poll(() => dayShown(page)).toBe(20);
      expect(await page.inputValue('#speed')).toBe('5');
      for (const id of ['#play', '#scrub']) {
        const box = (await page.locator(id).boundingBox())!;
        expect(box.y + box.height, `${id} at ${width}x${height}`).toBeLessThanOrEqual(height);
      }
      await screenshot(page, `viewer-compare-${width}x${height}.png`);
      await page.close();
    }
  });

  it('reaches Play within a few tab stops and keeps focus on a control that redraws the view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}?view=compare`);
    await page.waitForSelector('.arms-chart');
    let stops = 0;
    while (stops < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'play') {
      await page.keyboard.press('Tab');
      stops++;
    }
    // Projector, Live town, the description, the three views and report.md come first.
    expect(stops).toBeLessThanOrEqual(8);
    await page.focus('#arm-b');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('b') === 'want-15');
    await page.waitForSelector('.map-title:has-text("want-15")');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('arm-b');
    await page.close();
  });

  it('does not fetch the frames again when going back to the side-by-side view', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const frames: string[] = [];
    page.on('request', (r) => r.url().includes('frames.bin') && frames.push(r.url()));
    await page.goto(`${server.url}?view=compare`);
    await page.waitForSelector('.arms-chart');
    await page.waitForFunction(() => !document.getElementById('frame-status')?.textContent);
    const first = frames.length;
    expect(first).toBeGreaterThan(0);
    await page.click('button[data-view=overview]');
    await page.waitForSelector('.summary-table');
    await page.click('button[data-view=compare]');
    await page.waitForSelector('.arms-chart');
    await page.waitForTimeout(500);
    expect(frames.length).toBe(first);
    await page.close();
  });

  it('shows many arms apart: chosen arms on one chart in distinct colours, or one chart per arm', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}?view=overview`);
    await page.waitForSelector('.summary-table');
    expect(await page.textContent('.arm-chooser summary')).toBe('Arms shown: 8 of 11');
    const colours = await page.locator('.arms-chart .arm-line').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke')));
    expect(colours.length).toBe(8);
    expect(new Set(colours).size).toBe(8);
    const legend = await page.locator('.arms-legend').evaluate((g) => {
      const box = (g as SVGGElement).getBBox();
      return { x: box.x, width: box.width };
    });
    const width = await page.locator('.arms-chart svg').evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
    expect(legend.x + legend.width + 60).toBeLessThanOrEqual(width);
    await page.click('input[data-arm=want-60]');
    expect(await page.isChecked('input[data-arm=want-60]')).toBe(false);
    expect(await page.textContent('.arm-chooser .note')).toMatch(/At most 8 arms/);
    await page.selectOption('#charts-layout', 'multiples');
    await page.check('input[data-arm=want-60]');
    await page.check('input[data-arm=want-55]');
    expect(await page.locator('.small-multiples .arms-chart').count()).toBe(9);
    await expect.poll(() => new URL(page.url()).searchParams.get('charts')).toBe('multiples');
    // One replication: said, and no cost per unit without a clear effect.
    expect(await page.textContent('.facts')).toMatch(/^10 policy arms and the baseline · 1 replication each · 30 days$/);
    expect(await page.textContent('.caveat')).toMatch(/One replication per arm/);
    expect(await page.locator('.effects-chart .column-head').allTextContents()).toEqual(['cost (money)', 'per 0.01']);
    expect(new Set(await page.locator('.summary-table td[data-col=cost_per_unit]').allTextContents())).toEqual(new Set(['–', 'no clear effect']));
    await screenshot(page, 'viewer-many-arms.png');
    await page.close();
  });

  it('keeps the layout still when pointing at a district, and the intro follows the colouring', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?view=run`);
    await page.waitForSelector('.series-chart');
    // Positions in the page, not the window: pointing scrolls the map into view.
    const place = () =>
      page.evaluate(() =>
        ['.run-right', '.timeline', '.map-toolbar'].map((q) => {
          const r = document.querySelector(q)!.getBoundingClientRect();
          return [r.top + scrollY, r.left, r.height];
        }),
      );
    await page.waitForFunction(() => !document.getElementById('frame-status')?.textContent);
    const before = await place();
    await page.hover('.map-overlay rect.district >> nth=0');
    await expect.poll(() => page.textContent('.map-readout')).toMatch(/^District 1/);
    expect(await place()).toEqual(before);
    expect(await page.textContent('#intro')).toMatch(/coloured by the group/);
    await page.selectOption('#layer', 'migrant_share');
    expect(await page.textContent('#intro')).toMatch(/each district is coloured by its migrant share/);
    expect(await page.textContent('.run-left .facts')).toMatch(/· 30 days · 2 groups/);
    expect(await page.textContent('.series-chart[data-metric=percent_similar] .readout')).toMatch(/^day \d+: \d+\.\d %$/);
    await page.close();
  });

  it('names the scenario, seed, version and hash on the page and in a saved chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}?view=run`);
    await page.waitForSelector('.series-chart');
    const manifest = JSON.parse(fs.readFileSync(path.join(expDir, 'runs', 'baseline', '1', 'manifest.json'), 'utf8'));
    await expect.poll(() => page.textContent('#provenance')).toMatch(/^Experiment many-arms · seeds \d+ · interethnic-city \d+\.\d+\.\d+/);
    expect(manifest.package.version).toMatch(/\d+\.\d+\.\d+/);
    const download = page.waitForEvent('download');
    await page.click('.series-chart button[data-save=svg] >> nth=0');
    const file = await (await download).path();
    expect(fs.readFileSync(file, 'utf8')).toContain(`interethnic-city ${manifest.package.version}`);
    await page.click('#projector');
    expect(await page.evaluate(() => document.body.classList.contains('projector'))).toBe(true);
    await screenshot(page, 'viewer-run-projector.png');
    await page.close();
  });

  it('fits a 390 x 844 phone: no sideways scrolling of the page, chart text at least 9 px', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const view of ['compare', 'overview', 'run']) {
      await page.goto(`${server.url}?view=${view}`);
      await page.waitForSelector(view === 'overview' ? '.summary-table' : '.map-canvas');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(390);
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('svg.chart .axis text, svg.chart .legend-text, svg.chart .row-label')]
            .map((t) => t.getBoundingClientRect().height)
            .filter((h) => h > 0),
        ),
      );
      expect(smallest, view).toBeGreaterThanOrEqual(9);
      await screenshot(page, `viewer-${view}-390x844.png`);
    }
    await page.close();
  });
});
