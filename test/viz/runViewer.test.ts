import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, tempDir } from '../helpers.ts';
import { formatValue } from '../../viz/src/format/formatValue.ts';
import { groupColours, VACANT_COLOUR } from '../../viz/src/map/palettes.ts';
import { icityAsync, launchBrowser, readFrame, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';

const DAYS = 40;
const work = tempDir('icity-viewer-run-');
const runDir = path.join(work, 'run');
let server: ServedFolder;
let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watchPage>;
let metrics: ReturnType<typeof readCsv>;
const frameRequests: { range: string | undefined }[] = [];

const dayShown = async (p: Page = page) => Number(/Day (\d+) \//.exec((await p.textContent('#day-counter')) ?? '')?.[1]);

/** The canvas's pixels as group codes, by matching each colour to the palette. */
async function canvasCodes(p: Page = page): Promise<number[]> {
  const manifest = JSON.parse(fs.readFileSync(path.join(runDir, 'manifest.json'), 'utf8'));
  const groups = manifest.groups.map((name: string) => {
    const g = manifest.scenario.population.groups.find((x: { name: string }) => x.name === name);
    return { name, share: g.share, host: g.host === true };
  });
  const palette = [VACANT_COLOUR, ...groupColours(groups)].map((hex) => parseInt(hex.slice(1), 16));
  const rgba: number[] = await p.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.map-canvas')!;
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  });
  const codes: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) codes.push(palette.indexOf((rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2]));
  return codes;
}

beforeAll(async () => {
  const timeline = [
    { type: 'media', day: 10, label: 'Sensational news' },
    { type: 'politicalChange', day: 25 },
  ];
  const r = await icityAsync([
    'run',
    'scenarios/default.json',
    '--days',
    String(DAYS),
    '--workers',
    '1',
    '--out',
    runDir,
    '--json',
    '--set',
    'population.residents=3000',
    '--set',
    `timeline=${JSON.stringify(timeline)}`,
  ]);
  expect(r.status, r.stderr).toBe(0);
  metrics = readCsv(path.join(runDir, 'metrics.csv'));
  [server, browser] = await Promise.all([serve(runDir), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  seen = watchPage(page, server.url.replace(/\/$/, ''));
  page.on('request', (req) => {
    if (req.url().endsWith('/frames.bin')) frameRequests.push({ range: req.headers().range });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the viewer replays a run', () => {
  it('shows the map with its legend, the day and a line for first-time viewers at once', async () => {
    const started = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('.map-canvas');
    await expect.poll(() => page.textContent('#day-counter')).toBe(`Day 0 / ${DAYS}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.textContent('#intro')).toMatch(/each square is a home.*Press Space or ▶ Play/);
    const legend = await page.textContent('.map-legend');
    for (const g of ['host', 'eastern europe', 'north africa', 'south asia', 'west africa', 'vacant']) expect(legend).toContain(g);
    const header = JSON.parse(fs.readFileSync(path.join(runDir, 'frames.json'), 'utf8'));
    expect(await page.getAttribute('.map-canvas', 'width')).toBe(String(header.width));
    await screenshot(page, 'viewer-run-start.png');
  });

  it('draws each dwelling in the colour of the group frames.bin gives it', async () => {
    await expect.poll(() => canvasCodes(), { timeout: 15_000 }).toEqual(Array.from(readFrame(runDir, 0).grid));
  });

  it('loads frames.bin in pieces with Range requests', () => {
    expect(frameRequests.length).toBeGreaterThanOrEqual(2);
    for (const r of frameRequests) expect(r.range).toMatch(/^bytes=\d+-\d+$/);
  });

  it('plays on Space: the day advances and the map changes with it', async () => {
    const day0 = await canvasCodes();
    await page.click('h1');
    await page.keyboard.press('Space');
    await expect.poll(() => dayShown(), { timeout: 10_000 }).toBeGreaterThanOrEqual(15);
    await page.keyboard.press('Space');
    const day = await dayShown();
    expect(await page.getAttribute('#play', 'aria-label')).toBe('Play');
    const codes = await canvasCodes();
    expect(codes).toEqual(Array.from(readFrame(runDir, day).grid));
    expect(codes).not.toEqual(day0);
    await screenshot(page, 'viewer-run-played.png');
  });

  it('scrubs with the arrow keys, Home and End, and keeps the day in the URL', async () => {
    await page.keyboard.press('Home');
    expect(await dayShown()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await dayShown()).toBe(1);
    await page.keyboard.press('End');
    expect(await dayShown()).toBe(DAYS);
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await dayShown()).toBe(DAYS - 10);
    expect(await page.inputValue('#scrub')).toBe(String(DAYS - 10));
    await expect.poll(() => new URL(page.url()).searchParams.get('day')).toBe(String(DAYS - 10));
    await expect.poll(() => canvasCodes(), { timeout: 15_000 }).toEqual(Array.from(readFrame(runDir, DAYS - 10).grid));
  });

  it("marks the calendar's events on the timeline and on every chart, and jumps to one", async () => {
    const calendar: { day: number; label: string }[] = JSON.parse(fs.readFileSync(path.join(runDir, 'manifest.json'), 'utf8')).calendar;
    expect(calendar.map((e) => e.day)).toEqual([10, 25]);
    expect(await page.locator('.calendar-mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('title')))).toEqual(
      calendar.map((e) => `day ${e.day}: ${e.label}`),
    );
    const charts = await page.locator('.series-chart').count();
    expect(await page.locator('.series-chart .event-rule').count()).toBe(charts * calendar.length);
    await page.click('.calendar-list button:has-text("day 25")');
    expect(await dayShown()).toBe(25);
    await page.click('h1');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await dayShown()).toBe(35);
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowLeft');
    expect(await dayShown()).toBe(DAYS - 10);
  });

  it('reads out the value of metrics.csv for the day pointed at', async () => {
    for (const metric of ['dissimilarity', 'prejudice_host']) {
      const box = (await page.locator(`.series-chart[data-metric=${metric}] .hit-area`).boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
      const readout = page.locator(`.readout[data-metric=${metric}]`);
      const day = Number(await readout.getAttribute('data-day'));
      expect(day).toBe(Math.round(DAYS * 0.3));
      const value = metrics.rows[day][metrics.header.indexOf(metric)];
      expect(await readout.textContent()).toBe(`day ${day}: ${formatValue(value)}`);
    }
    await page.mouse.move(5, 5);
    expect(await page.locator('.readout[data-metric=dissimilarity]').textContent()).toMatch(new RegExp(`^day ${DAYS - 10}: `));
  });

  it('adds the chart of an indicator chosen in the list, and remembers the choice in the URL', async () => {
    await page.click('.indicator-picker summary');
    await page.check('#pick-incidents');
    await page.waitForSelector('.series-chart[data-metric=incidents]');
    await page.uncheck('#pick-percent_similar');
    expect(await page.locator('.series-chart[data-metric=percent_similar]').count()).toBe(0);
    const shown = () => new URL(page.url()).searchParams.get('metrics')?.split(',') ?? [];
    await expect.poll(() => shown().includes('incidents') && !shown().includes('percent_similar')).toBe(true);
    await page.click('.indicator-picker summary');
  });

  it('colours districts by an aggregate and labels each with the value in frames.bin', async () => {
    await page.selectOption('#layer', 'migrant_share');
    const day = await dayShown();
    const { districts, header } = readFrame(runDir, day);
    const m = header.districtMetrics.findIndex((x: { name: string }) => x.name === 'migrant_share');
    const expected = header.districts.map((_: unknown, d: number) => formatValue(districts[d * header.districtMetrics.length + m]));
    expect(await page.locator('.district-value').allTextContents()).toEqual(expected);
    expect(await page.textContent('.map-legend')).toContain('migrant_share (share)');
    await page.hover('.map-overlay rect.district >> nth=5');
    expect(await page.textContent('.map-readout')).toMatch(new RegExp(`^District 6, day ${day}: residents \\d+`));
    await screenshot(page, 'viewer-run-districts.png');
  });

  it('restores the same view from a shared URL', async () => {
    await expect.poll(() => new URL(page.url()).searchParams.get('layer')).toBe('migrant_share');
    const shared = page.url();
    const other = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await other.goto(shared);
    await expect.poll(() => dayShown(other)).toBe(DAYS - 10);
    expect(await other.inputValue('#layer')).toBe('migrant_share');
    expect(await other.locator('.series-chart[data-metric=incidents]').count()).toBe(1);
    expect(await other.locator('.series-chart[data-metric=percent_similar]').count()).toBe(0);
    await other.close();
  });

  it('saves a chart as SVG and as PNG, and the map too', async () => {
    const chart = page.locator('.series-chart[data-metric=dissimilarity]');
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.locator('button[data-save=svg]').click()]);
    expect(svg.suggestedFilename()).toBe('dissimilarity.svg');
    const text = fs.readFileSync((await svg.path())!, 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<svg');
    expect(text).toContain('dissimilarity (index 0..1)');
    // The line keeps its colour without the page's CSS.
    expect(text).toMatch(/<path[^>]*stroke="rgb\(0, 114, 178\)"/);
    expect(text).not.toContain('class=');
    const [png] = await Promise.all([page.waitForEvent('download'), chart.locator('button[data-save=png]').click()]);
    const bytes = fs.readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
    const [map] = await Promise.all([page.waitForEvent('download'), page.locator('.map-toolbar button[data-save=svg]').click()]);
    const mapSvg = fs.readFileSync((await map.path())!, 'utf8');
    expect(mapSvg).toContain('<image');
    expect(mapSvg).toContain('data:image/png;base64,');
    expect(mapSvg).toContain(`day ${DAYS - 10}`);
  });

  it('shows keyboard focus', async () => {
    await page.focus('#speed');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('play');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle + ' ' + getComputedStyle(document.activeElement!).outlineWidth,
    );
    expect(outline).toBe('solid 3px');
  });

  it('fetched nothing from another origin and logged no error', () => {
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

describe('the viewer on a slow connection', () => {
  it('starts showing and playing before all frames have arrived', async () => {
    const slow = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    let held = 0;
    await slow.route('**/data/frames.bin', async (route) => {
      const range = route.request().headers().range ?? '';
      if (!range.startsWith('bytes=0-')) {
        held++;
        await new Promise((r) => setTimeout(r, 3000));
      }
      await route.continue();
    });
    await slow.goto(server.url);
    await expect.poll(() => slow.textContent('#day-counter')).toBe(`Day 0 / ${DAYS}`);
    expect(await slow.textContent('#frame-status')).toMatch(/% of frames loaded/);
    await expect.poll(() => canvasCodes(slow), { timeout: 15_000 }).toEqual(Array.from(readFrame(runDir, 0).grid));
    await slow.click('#play');
    await expect.poll(() => dayShown(slow)).toBeGreaterThan(0);
    expect(held).toBeGreaterThan(0);
    await expect.poll(() => dayShown(slow), { timeout: 20_000 }).toBe(DAYS);
    await slow.close();
  });
});
