import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { csvObjects, writeTransfer } from '../transfer/fixtures.ts';
import { effectText } from '../../viz/src/charts/transferHeatmap.ts';
import { icityAsync, launchBrowser, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';

const work = tempDir('icity-viewer-catalogue-');
const out = path.join(work, 'transfer');
/** The committed results of the report's practices in the library's cities (no runs). */
const RESULTS = path.join(ROOT, 'scenarios', 'results', 'transfer-report-practices');
let server: ServedFolder;
let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watchPage>;

beforeAll(async () => {
  const file = writeTransfer(work, 'transfer.json');
  const r = await icityAsync(['experiment', file, '--out', out, '--workers', '2', '--json']);
  expect(r.status, r.stderr).toBe(0);
  [server, browser] = await Promise.all([serve(out), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  seen = watchPage(page, server.url.replace(/\/$/, ''));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the catalogue of good practices', () => {
  it('shows each practice with its city, speaker, evidence, mechanism and a city x outcome heatmap of transfer.csv', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.catalogue .heatmap');
    expect(await page.locator('.practice h3').allTextContents()).toEqual([
      'Language classes with police officers',
      'Holistic renewal of public space and markets (Porta Palazzo)',
    ]);
    const classes = page.locator('#practice-cardiff-classes');
    expect(await classes.locator('.facts').textContent()).toBe('From Cardiff · presented by Ratna Omidvar, Maytree Foundation · judged by trust_migrant');
    expect(await classes.locator('blockquote').textContent()).toMatch(/police officers in the City of Cardiff/);
    expect(await classes.textContent()).toMatch(/Its mechanism in the model.*Sources/s);
    // Two cities x three outcomes, each cell the effect at the last report day of the variant shown.
    const rows = csvObjects(path.join(out, 'transfer.csv')).filter((r) => r.practice === 'cardiff-classes' && r.variant === 'adapted' && r.day === '20');
    const cells = classes.locator('.heatmap .cell');
    expect(await cells.count()).toBe(6);
    for (const r of rows) {
      const cell = classes.locator(`.cell[data-city=${r.city}][data-metric=${r.metric}]`);
      const clear = Number(r.low) > 0 || Number(r.high) < 0;
      const unit = r.metric === 'outgroup_encounter_share' ? 'share' : 'scale 0..1';
      expect(await cell.locator('.effect').textContent()).toBe(clear ? effectText(Number(r.effect), unit) : 'no clear effect');
      expect(await cell.getAttribute('title')).toContain(`(95% CI ${effectText(Number(r.low), unit)} to ${effectText(Number(r.high), unit)}) at day 20`);
    }
    expect(await classes.locator('.heatmap-box .note').textContent()).toMatch(
      /^On trust_migrant \(mean trust of migrants in institutions\): a clear improvement in \d of 2 cities/,
    );
    await screenshot(page, 'viewer-catalogue.png');
  });

  it('switches a practice between its variants', async () => {
    const classes = page.locator('#practice-cardiff-classes');
    const before = await classes.locator('.cell[data-city=turin][data-metric=trust_migrant]').getAttribute('title');
    await page.selectOption('#variant-cardiff-classes', 'double-seats');
    const row = csvObjects(path.join(out, 'transfer.csv')).find(
      (r) => r.practice === 'cardiff-classes' && r.variant === 'double-seats' && r.city === 'turin' && r.metric === 'trust_migrant' && r.day === '20',
    )!;
    const after = await classes.locator('.cell[data-city=turin][data-metric=trust_migrant]').getAttribute('title');
    expect(after).not.toBe(before);
    expect(after).toContain(effectText(Number(row.effect), 'scale 0..1'));
  });

  it('opens the side-by-side replay of a cell in one click, and comes back', async () => {
    await page.click('#practice-renewal .cell[data-city=turin][data-metric=prejudice_host]');
    await page.waitForSelector('.arms-chart');
    const captions = await page.locator('.map-title').allTextContents();
    expect(captions[0]).toMatch(/^baseline \(no programmes\), replication 1 · day 0$/);
    expect(captions[1]).toMatch(/^renewal--adapted, replication 1 · day 0$/);
    const q = new URL(page.url()).searchParams;
    expect([q.get('city'), q.get('view'), q.get('a'), q.get('b')]).toEqual(['turin', 'compare', 'baseline', 'renewal--adapted']);
    await screenshot(page, 'viewer-catalogue-replay.png');
    await page.click('button.back');
    await page.waitForSelector('.catalogue .heatmap');
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });

  it('shows the committed results of every report practice in every library city, and says how to get the runs behind a cell', async () => {
    const results = await serve(RESULTS);
    try {
      const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await p.goto(results.url);
      await p.waitForSelector('.catalogue .heatmap');
      const practices = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'catalogue', 'practices.json'), 'utf8')).practices;
      expect(await p.locator('.practice').count()).toBe(practices.length);
      expect(await p.locator('.heatmap').count()).toBe(practices.length);
      await screenshot(p, 'viewer-catalogue-report-practices.png');
      await p.locator('.heatmap .cell').first().click();
      await p.waitForSelector('#error:not([hidden])');
      expect(await p.textContent('#error')).toMatch(
        /cities\/[a-z-]+\/manifest\.json: is missing: this folder holds the transfer experiment's results, not its runs.*icity experiment .*transfer-report-practices\.json/s,
      );
      await p.close();
    } finally {
      await results.stop();
    }
  });
});
