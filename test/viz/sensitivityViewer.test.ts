import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';
import { formatEffect } from '../../viz/src/views/sensitivityView.ts';
import { startViewServer } from '../../viz/server/viewServer.ts';
import { icityAsync, launchBrowser, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';

const work = tempDir('icity-viewer-morris-');
const expDir = path.join(work, 'morris');
const PARAMETERS = ['housing.similarityThreshold', 'spaces.school.allport.cooperation', 'spaces.workplace.allport.institutionalSupport'];
let server: ServedFolder;
let browser: Browser;
let page: Page;
let seen: ReturnType<typeof watchPage>;

function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, k) => [cols[k], v])));
}

beforeAll(async () => {
  // Morris screening of 3 parameters, 2 trajectories: 8 points and the baseline, one replication each.
  const file = path.join(work, 'morris.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      name: 'viewer-morris',
      description: 'Which of three parameters matter for prejudice, segregation and the employment gap, in a small city over two weeks.',
      scenario: path.relative(work, path.join(ROOT, 'scenarios', 'default.json')),
      set: { 'population.residents': 1500, 'city.districtsX': 2, 'city.districtsY': 2 },
      days: 14,
      replications: 1,
      design: { type: 'morris', trajectories: 2, seed: 3, parameters: PARAMETERS.map((p) => ({ path: p, min: 0.1, max: 0.9 })) },
      metrics: ['prejudice_host', 'dissimilarity', 'employment_gap'],
      reportDays: [7, 'end'],
    }),
  );
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

describe('the viewer on a Morris screening experiment', () => {
  it('has a Sensitivity view: mu* against sigma, a dot per parameter, and the parameters ranked by mu*', async () => {
    await page.goto(server.url);
    await page.click('button[data-view=sensitivity]');
    await page.waitForSelector('.sensitivity-chart');
    expect(new URL(page.url()).searchParams.get('view')).toBe('sensitivity');
    const metric = await page.inputValue('#metric');
    const day = await page.inputValue('#sensitivity-day');
    expect(day).toBe('14');
    const rows = csvRows(path.join(expDir, 'sensitivity.csv')).filter((r) => r.metric === metric && r.day === day);
    expect(rows).toHaveLength(3);
    expect(await page.locator('.sensitivity-chart .sensitivity-point').count()).toBe(3);
    expect((await page.locator('.sensitivity-chart .sensitivity-point text').allTextContents()).sort()).toEqual([...PARAMETERS].sort());
    const table = await page.locator('.sensitivity-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(table).toEqual(
      rows.map((r, k) => [
        String(k + 1),
        r.parameter,
        formatEffect(Number(r.mu_star)),
        formatEffect(Number(r.mu)),
        r.sigma === '' ? '–' : formatEffect(Number(r.sigma)),
        r.r,
      ]),
    );
    // The dot furthest right is the parameter ranked first.
    const xs = await page
      .locator('.sensitivity-point')
      .evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-parameter'), Number(g.querySelector('circle')!.getAttribute('cx'))] as [string, number]));
    expect(xs.sort((a, b) => b[1] - a[1])[0][0]).toBe(rows[0].parameter);
    await screenshot(page, 'viewer-sensitivity.png');
  });

  it('switches indicator and day, and keeps them in the URL', async () => {
    await page.selectOption('#metric', 'dissimilarity');
    await page.waitForSelector('.sensitivity-chart[data-metric=dissimilarity]');
    await page.selectOption('#sensitivity-day', '7');
    await page.waitForSelector('.sensitivity-chart[data-day="7"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('dissimilarity');
    await expect.poll(() => new URL(page.url()).searchParams.get('day')).toBe('7');
    const first = csvRows(path.join(expDir, 'sensitivity.csv')).find((r) => r.metric === 'dissimilarity' && r.day === '7')!;
    expect(await page.textContent('.sensitivity-table tbody tr:first-child th')).toBe(first.parameter);
  });

  it('fetched nothing from another origin and logged no error', () => {
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('offers no Sensitivity view for an experiment without sensitivity.csv', async () => {
    const copy = path.join(work, 'no-sensitivity');
    fs.cpSync(expDir, copy, { recursive: true });
    const m = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
    delete m.files['sensitivity.csv'];
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(m));
    const s = await startViewServer({ dir: copy, host: '127.0.0.1', port: 0 });
    const p = await browser.newPage();
    try {
      await p.goto(s.url);
      await p.waitForSelector('nav.tabs button[data-view=overview]');
      expect(await p.locator('button[data-view=sensitivity]').count()).toBe(0);
    } finally {
      await p.close();
      await s.close();
    }
  });
});
