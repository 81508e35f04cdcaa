import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { formatMoney, formatValue } from '../../viz/src/format/formatValue.ts';
import { groupColours, VACANT_COLOUR } from '../../viz/src/map/palettes.ts';
import { startViewServer } from '../../viz/server/viewServer.ts';
import { icityAsync, launchBrowser, readFrame, screenshot, serve, watchPage, writeSmallExperiment, type ServedFolder } from './harness.ts';

const work = tempDir('icity-viewer-experiment-');
const expDir = path.join(work, 'experiment');
let server: ServedFolder;
let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watchPage>;

/** A CSV file as objects of strings. */
function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}

const dayShown = async (p: Page = page) => Number(/Day (\d+) \//.exec((await p.textContent('#day-counter')) ?? '')?.[1]);
const fmt = (cell: string) => (cell === '' ? '–' : formatValue(Number(cell)));
const interval = (lo: string, hi: string) => (lo === '' ? '–' : `${fmt(lo)} to ${fmt(hi)}`);

/** The group codes drawn on the k-th map canvas of the page. */
async function canvasCodes(k: number, p: Page = page): Promise<number[]> {
  const manifest = JSON.parse(fs.readFileSync(path.join(expDir, 'runs', 'baseline', '1', 'manifest.json'), 'utf8'));
  const groups = manifest.groups.map((name: string) => {
    const g = manifest.scenario.population.groups.find((x: { name: string }) => x.name === name);
    return { name, share: g.share, host: g.host === true };
  });
  const palette = [VACANT_COLOUR, ...groupColours(groups)].map((hex) => parseInt(hex.slice(1), 16));
  const rgba: number[] = await p.evaluate((i) => {
    const c = document.querySelectorAll<HTMLCanvasElement>('.map-canvas')[i];
    return Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);
  }, k);
  const codes: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) codes.push(palette.indexOf((rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2]));
  return codes;
}

beforeAll(async () => {
  const file = writeSmallExperiment(work);
  const r = await icityAsync(['experiment', file, '--out', expDir, '--workers', '2', '--json']);
  expect(r.status, r.stderr).toBe(0);
  [server, browser] = await Promise.all([serve(expDir), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  seen = watchPage(page, server.url.replace(/\/$/, ''));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the viewer on an experiment', () => {
  it('opens on two arms side by side: the map of replication 1 of each and both arms over time', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.arms-chart');
    expect(await page.locator('.map-canvas').count()).toBe(2);
    const captions = await page.locator('.map-title').allTextContents();
    expect(captions[0]).toMatch(/^baseline, replication 1 · day 0$/);
    expect(captions[1]).toMatch(/^allport, replication 1 · day 0$/);
    expect(await page.textContent('#intro')).toMatch(/side by side.*Press Space or ▶ Play/);
    expect(await page.locator('.arms-chart .arm-line').count()).toBe(2);
    expect(await page.locator('.arms-chart .ci-band').count()).toBe(2);
    await screenshot(page, 'viewer-experiment-compare.png');
  });

  it('plays both maps with one timeline, each showing its own run', async () => {
    const before = [await canvasCodes(0), await canvasCodes(1)];
    await page.click('h1');
    await page.keyboard.press('Space');
    await expect.poll(() => dayShown(), { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    await page.keyboard.press('Space');
    const day = await dayShown();
    const left = await canvasCodes(0);
    const right = await canvasCodes(1);
    expect(left).toEqual(Array.from(readFrame(path.join(expDir, 'runs', 'baseline', '1'), day).grid));
    expect(right).toEqual(Array.from(readFrame(path.join(expDir, 'runs', 'allport', '1'), day).grid));
    expect(left).not.toEqual(before[0]);
    expect(right).not.toEqual(before[1]);
    expect(await page.locator('.map-title').allTextContents()).toEqual([`baseline, replication 1 · day ${day}`, `allport, replication 1 · day ${day}`]);
    await screenshot(page, 'viewer-experiment-played.png');
  });

  it("reads out both arms' mean and 95% CI from series.csv on the day shown", async () => {
    const day = await dayShown();
    const metric = await page.inputValue('#metric');
    const series = csvRows(path.join(expDir, 'series.csv'));
    await expect.poll(() => page.getAttribute('.arms-readout', 'data-day')).toBe(String(day));
    for (const arm of ['baseline', 'allport']) {
      const row = series.find((r) => r.arm === arm && r.metric === metric && Number(r.day) === day)!;
      expect(await page.textContent(`.arms-readout [data-arm=${arm}]`)).toBe(` ${arm}: ${fmt(row.mean)} [${fmt(row.ci_low)}, ${fmt(row.ci_high)}]`);
    }
  });

  it('switches the indicator and keeps it in the URL', async () => {
    await page.selectOption('#metric', 'dissimilarity');
    await page.waitForSelector('.arms-chart[data-metric=dissimilarity]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('dissimilarity');
  });

  it('shows every arm with its CI band, the effects with CIs and costs, and the numbers of summary.csv', async () => {
    await page.click('button[data-view=overview]');
    await page.waitForSelector('.summary-table');
    expect(new URL(page.url()).searchParams.get('view')).toBe('overview');
    const metric = await page.inputValue('#metric');
    expect(metric).toBe('dissimilarity');
    const rows = csvRows(path.join(expDir, 'summary.csv')).filter((r) => r.metric === metric);
    expect(rows.length).toBe(4);
    const shown = await page.locator('.summary-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    // Cost per 0.01 of the index, and only where the effect's interval excludes zero.
    const perStep = (r: Record<string, string>) =>
      r.diff === ''
        ? '–'
        : Number(r.diff_ci_low) > 0 || Number(r.diff_ci_high) < 0
          ? r.cost_per_unit === ''
            ? '–'
            : formatMoney(Number(r.cost_per_unit) * 0.01)
          : 'no clear effect';
    expect(shown).toEqual(
      rows.map((r) => [
        r.arm,
        r.day,
        r.n,
        fmt(r.mean),
        interval(r.ci_low, r.ci_high),
        fmt(r.diff),
        interval(r.diff_ci_low, r.diff_ci_high),
        formatMoney(Number(r.cost)),
        perStep(r),
      ]),
    );
    const effects = rows.filter((r) => r.diff !== '');
    expect(await page.locator('.effects-chart .effect-row').count()).toBe(effects.length);
    expect(
      await page.locator('.effects-chart .effect-row').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-arm')}@${g.getAttribute('data-day')}`)),
    ).toEqual(effects.map((r) => `${r.arm}@${r.day}`));
    expect(await page.locator('.effects-chart .column-head').allTextContents()).toEqual(['cost (money)', 'per 0.01']);
    // Without a posterior there is no parameter uncertainty to draw.
    expect(await page.locator('.effects-chart .posterior-whisker').count()).toBe(0);
    expect(await page.locator('.effects-chart .posterior-desc').count()).toBe(0);
    expect(await page.locator('.arms-chart .ci-band').count()).toBe(2);
    await screenshot(page, 'viewer-experiment-overview.png');
  });

  it('replays any run of the experiment, chosen by arm and replication', async () => {
    await page.click('button[data-view=run]');
    await page.waitForSelector('#run-arm');
    await page.selectOption('#run-arm', 'allport');
    await page.waitForSelector('h2:has-text("allport, replication 1")');
    await page.selectOption('#run-rep', '2');
    await page.waitForSelector('h2:has-text("allport, replication 2")');
    await page.keyboard.press('End');
    const day = await dayShown();
    expect(day).toBe(30);
    // The frames of the newly chosen run arrive after the caption: wait for the map to show them.
    await expect.poll(() => canvasCodes(0), { timeout: 15_000 }).toEqual(Array.from(readFrame(path.join(expDir, 'runs', 'allport', '2'), day).grid));
    await expect.poll(() => new URL(page.url()).searchParams.get('run')).toBe('runs/allport/2');
    await screenshot(page, 'viewer-experiment-run.png');
  });

  it('restores a shared side-by-side view: arms, indicator and day', async () => {
    const other = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await other.goto(`${server.url}?view=compare&a=allport&b=baseline&metric=language_mean&day=20`);
    await other.waitForSelector('.arms-chart[data-metric=language_mean]');
    await expect.poll(() => dayShown(other)).toBe(20);
    expect(await other.locator('.map-title').allTextContents()).toEqual(['allport, replication 1 · day 20', 'baseline, replication 1 · day 20']);
    await other.close();
  });

  it('fetched nothing from another origin and logged no error', () => {
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('says that an experiment without summary.csv has not finished', async () => {
    const copy = path.join(work, 'unfinished');
    fs.cpSync(expDir, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'summary.csv'));
    const s = await startViewServer({ dir: copy, host: '127.0.0.1', port: 0 });
    const p = await browser.newPage();
    try {
      await p.goto(s.url);
      await p.waitForSelector('#error:not([hidden])');
      const text = await p.textContent('#error');
      expect(text).toContain('summary.csv: is missing');
      expect(text).toContain('The experiment has not finished');
    } finally {
      await p.close();
      await s.close();
    }
  });
});
