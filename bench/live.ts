import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/viz/harness.ts';
import { staticHost } from '../test/viz/staticHost.ts';
import { median } from './median.ts';
import { describeMachine } from './machine.ts';

/**
 * The live view's targets, measured in Debian's Chromium on the static build (no
 * cross-origin isolation, one worker per town), `--runs` times, medians reported:
 *   interactive: from opening the page to the teaching town drawn on day 0 (target 2 s)
 *   teaching:    simulated days per second running the teaching town to its last day (>= 20)
 *   city:        days per second of the 100,000-resident default city over 20 days (>= 2)
 *   fps:         frames the page draws per second while playing the teaching town (>= 30)
 *   npx tsx bench/live.ts [--runs 3]
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);
const ROOT = path.resolve(import.meta.dirname, '..');
const SITE = path.join(ROOT, '.tmp', 'bench-web');

async function dayShown(page: Page, day: number, timeout = 600_000): Promise<void> {
  await page.waitForFunction((d) => document.getElementById('live-metrics')?.dataset.day === String(d), day, { timeout, polling: 20 });
}

async function runTo(page: Page, day: number): Promise<number> {
  await page.fill('#until', String(day));
  const t0 = Date.now();
  await page.click('#run-to');
  await dayShown(page, day);
  return (Date.now() - t0) / 1000;
}

/** Plays for 3 s counting the frames the page draws, then pauses: frames per second and the day reached. */
const PLAY_FOR_3_SECONDS = `(async () => {
  let n = 0;
  let raf = 0;
  const count = () => { n++; raf = requestAnimationFrame(count); };
  raf = requestAnimationFrame(count);
  document.getElementById('play').click();
  await new Promise((r) => setTimeout(r, 3000));
  cancelAnimationFrame(raf);
  const day = Number(document.getElementById('live-metrics').dataset.day);
  document.getElementById('play').click();
  return { fps: n / 3, day };
})()`;

fs.mkdirSync(path.dirname(SITE), { recursive: true });
const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'viz', 'server', 'buildWeb.ts'), SITE], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(build.stderr);
const host = await staticHost(SITE);
const browser = await launchBrowser();
const samples = {
  interactiveSeconds: [] as number[],
  teachingDaysPerSecond: [] as number[],
  cityDaysPerSecond: [] as number[],
  playingFps: [] as number[],
  playingDaysPerSecond: [] as number[],
};
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const t0 = Date.now();
    await page.goto(`${host.url}?live=teaching&seed=1`);
    await dayShown(page, 0);
    samples.interactiveSeconds.push((Date.now() - t0) / 1000);
    samples.teachingDaysPerSecond.push(365 / (await runTo(page, 365)));

    await page.click('#reset');
    await dayShown(page, 0);
    await page.selectOption('#speed', '100');
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    const frames = (await page.evaluate(PLAY_FOR_3_SECONDS)) as { fps: number; day: number };
    samples.playingFps.push(frames.fps);
    samples.playingDaysPerSecond.push(frames.day / 3);
    await page.close();

    const city = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await city.goto(`${host.url}?live=default&seed=1`);
    await dayShown(city, 0);
    samples.cityDaysPerSecond.push(20 / (await runTo(city, 20)));
    await city.close();
    process.stderr.write(`run ${run + 1} of ${RUNS} done\n`);
  }
} finally {
  await browser.close();
  await host.close();
}
const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Number(median(v).toFixed(2))]));
process.stdout.write(JSON.stringify({ machine: describeMachine(), runs: RUNS, medians, samples }, null, 2) + '\n');
