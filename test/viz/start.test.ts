import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { DEFAULT_VIEW_PORT } from '../../sim/cli/viewCommand.ts';

/** `npm start` as a teacher runs it, its output so far, and its address once printed. */
function npmStart(): { child: ChildProcess; address: Promise<{ url: string; out: string; seconds: number }> } {
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let out = '';
  const address = new Promise<{ url: string; out: string; seconds: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no address in 60 s: ${out}`)), 60_000);
    const read = (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?live=teaching/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], out, seconds: (Date.now() - started) / 1000 });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  return { child, address };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/served.json', timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
  });

const children: ChildProcess[] = [];
afterAll(() =>
  children.forEach((c) => {
    if (c.exitCode === null) c.kill('SIGKILL');
  }),
);

describe('npm start', () => {
  it('serves the live teaching town at once, on a free port when 8417 is busy, and stops with npm', async () => {
    // Hold 8417 (unless something else already does), so the fallback is what is tested.
    const blocker = http.createServer();
    await new Promise<void>((resolve) => {
      blocker.once('error', () => resolve());
      blocker.listen(DEFAULT_VIEW_PORT, '127.0.0.1', () => resolve());
    });
    const { child, address } = npmStart();
    children.push(child);
    const { url, out } = await address;
    blocker.close();
    expect(out).toMatch(/Port 8417 is busy; using a free port instead/);
    const port = Number(new URL(url).port);
    expect(port).not.toBe(DEFAULT_VIEW_PORT);
    const page = await fetch(`${url}?live=teaching`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('app.js');
    expect((await fetch(`${url}live-worker.js`)).status).toBe(200);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await expect.poll(() => listening(port), { timeout: 10_000 }).toBe(false);
  });
});
