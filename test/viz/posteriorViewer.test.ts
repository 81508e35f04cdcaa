import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { formatValue } from '../../viz/src/format/formatValue.ts';
import { signRobust } from '../../sim/formats/experimentTables.ts';
import { writePosterior, writePosteriorExperiment } from '../posterior/posteriorFixtures.ts';
import { icityAsync, launchBrowser, screenshot, serve, watchPage, type ServedFolder } from './harness.ts';

const work = tempDir('icity-viewer-posterior-');
const expDir = path.join(work, 'experiment');
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
  // 3 draws × 2 seeds of a baseline and one arm, 1,000 residents for 12 days.
  writePosterior(work);
  const file = writePosteriorExperiment(work, 'posterior.json', (e) => (e.parameters.draws = 3));
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

describe('the viewer on an experiment over a posterior', () => {
  it("draws each effect's range over the posterior as a second, wider whisker, dashed where its sign is not robust", async () => {
    await page.goto(`${server.url}?view=overview&metric=prejudice_host`);
    await page.waitForSelector('.effects-chart .effect-row');
    const effects = csvRows(path.join(expDir, 'summary.csv')).filter((r) => r.metric === 'prejudice_host' && r.diff !== '');
    expect(effects.length).toBe(2);
    const bars = page.locator('.effects-chart .posterior-whisker');
    expect(await bars.count()).toBe(effects.length);
    const drawn = await bars.evaluateAll((ls) =>
      ls.map((l) => ({
        x1: Number(l.getAttribute('x1')),
        x2: Number(l.getAttribute('x2')),
        width: Number(l.getAttribute('stroke-width')),
        dashed: l.getAttribute('stroke-dasharray') !== null,
        title: l.querySelector('title')?.textContent ?? '',
        robust: l.parentElement!.getAttribute('data-sign-robust'),
      })),
    );
    const ciWidth = Number(await page.locator('.effects-chart .whisker').first().getAttribute('stroke-width'));
    effects.forEach((r, k) => {
      const robust = signRobust(Number(r.sign_share), Number(r.posterior_low), Number(r.posterior_high));
      expect(drawn[k].x1).toBeLessThanOrEqual(drawn[k].x2);
      expect(drawn[k].width).toBeGreaterThan(ciWidth);
      expect(drawn[k].robust).toBe(String(robust));
      expect(drawn[k].dashed).toBe(!robust);
      expect(drawn[k].title).toContain(`over the posterior (3 draws): ${formatValue(Number(r.posterior_low))} to ${formatValue(Number(r.posterior_high))}`);
      expect(drawn[k].title).toContain(`sign of the mean in ${Math.round(Number(r.sign_share) * 100)}% of draws`);
    });
    expect(await page.textContent('.effects-chart .posterior-desc')).toMatch(/5% to 95% of the 3 draws' mean effects/);
    expect(await page.textContent('.effects-chart svg')).toMatch(/5-95% over the posterior/);
    expect(seen.errors).toEqual([]);
    await screenshot(page, 'viewer-experiment-posterior.png');
  });
});
