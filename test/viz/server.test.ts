import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icity, tempDir } from '../helpers.ts';
import { icityAsync, serve, type ServedFolder } from './harness.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path exactly as given: no client-side normalisation of ".." or "%2e". */
function raw(url: string, rawPath: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const work = tempDir('icity-view-server-');
const runDir = path.join(work, 'run');
const outside = path.join(work, 'secret.txt');
let server: ServedFolder;

beforeAll(async () => {
  const r = await icityAsync([
    'run',
    'scenarios/default.json',
    '--days',
    '5',
    '--workers',
    '1',
    '--out',
    runDir,
    '--json',
    '--set',
    'population.residents=1500',
  ]);
  expect(r.status, r.stderr).toBe(0);
  fs.writeFileSync(outside, 'not for the browser\n');
  fs.symlinkSync(outside, path.join(runDir, 'leak.txt'));
  fs.symlinkSync(work, path.join(runDir, 'parent'));
  fs.symlinkSync(path.join(runDir, 'metrics.csv'), path.join(runDir, 'metrics-link.csv'));
  server = await serve(runDir);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('icity view: what the server sends', () => {
  it('serves the page with a Content-Security-Policy that allows no other origin, and nosniff', async () => {
    const r = await raw(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the bundled viewer with d3 inside, and the folder under /data/', async () => {
    const app = await raw(server.url, '/app.js');
    expect(app.status).toBe(200);
    expect(app.headers['content-type']).toMatch(/^text\/javascript/);
    expect(app.body.length).toBeGreaterThan(50_000);
    const manifest = await raw(server.url, '/data/manifest.json');
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.body.toString()).format).toBe('icity-run');
    expect(manifest.headers['x-content-type-options']).toBe('nosniff');
    expect(manifest.headers['content-security-policy']).toBeDefined();
  });

  it('answers Range requests with exactly the bytes asked for', async () => {
    const bin = fs.readFileSync(path.join(runDir, 'frames.bin'));
    const mid = await raw(server.url, '/data/frames.bin', { headers: { Range: 'bytes=100-199' } });
    expect(mid.status).toBe(206);
    expect(mid.headers['content-range']).toBe(`bytes 100-199/${bin.length}`);
    expect(mid.body.equals(bin.subarray(100, 200))).toBe(true);
    const tail = await raw(server.url, '/data/frames.bin', { headers: { Range: 'bytes=-50' } });
    expect(tail.body.equals(bin.subarray(bin.length - 50))).toBe(true);
    const open = await raw(server.url, '/data/frames.bin', { headers: { Range: `bytes=${bin.length - 10}-` } });
    expect(open.body.equals(bin.subarray(bin.length - 10))).toBe(true);
    const past = await raw(server.url, '/data/frames.bin', { headers: { Range: `bytes=${bin.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${bin.length}`);
    const whole = await raw(server.url, '/data/frames.bin');
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(bin)).toBe(true);
  });

  it('follows a link that stays inside the folder', async () => {
    const r = await raw(server.url, '/data/metrics-link.csv');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(fs.readFileSync(path.join(runDir, 'metrics.csv'), 'utf8'));
  });
});

describe('icity view: what the server refuses', () => {
  const refused = [
    ['".." segments', '/data/../secret.txt', 403],
    ['".." at the top', '/../secret.txt', 404],
    ['encoded %2e%2e', '/data/%2e%2e/secret.txt', 403],
    ['encoded %2E%2E with an encoded slash', '/data/%2E%2E%2Fsecret.txt', 403],
    ['a double-encoded dot dot as a name, not a parent', '/data/%252e%252e/secret.txt', 404],
    ['an absolute path after /data/', '/data//etc/passwd', 403],
    ['an encoded absolute path', '/data/%2Fetc%2Fpasswd', 403],
    ['a backslash', '/data/..\\secret.txt', 400],
    ['a NUL byte', '/data/manifest.json%00.txt', 403],
    ['a symlink to a file outside', '/data/leak.txt', 403],
    ['a symlink to a folder outside', '/data/parent/secret.txt', 403],
    ['hidden files', '/data/.hidden', 403],
    ['paths outside /data/ and the viewer', '/etc/passwd', 404],
    ['the folder itself', '/data/', 403],
  ] as const;
  for (const [what, p, status] of refused) {
    it(`refuses ${what}: ${p}`, async () => {
      const r = await raw(server.url, p);
      expect(r.status).toBe(status);
      expect(r.body.toString()).not.toContain('not for the browser');
      expect(r.body.toString()).not.toContain('root:');
    });
  }

  it('refuses an absolute URL as the request target', async () => {
    const r = await raw(server.url, `http://127.0.0.1${outside}`);
    expect(r.status).toBe(400);
  });

  it('refuses a Host header that is not this machine (DNS rebinding)', async () => {
    const r = await raw(server.url, '/data/manifest.json', { headers: { Host: 'attacker.example:80' } });
    expect(r.status).toBe(403);
    const ok = await raw(server.url, '/data/manifest.json', { headers: { Host: `localhost:${new URL(server.url).port}` } });
    expect(ok.status).toBe(200);
  });

  it('writes nothing: every method but GET and HEAD is refused', async () => {
    const before = fs.readdirSync(runDir).sort();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await raw(server.url, '/data/new.txt', { method });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
    expect(fs.readdirSync(runDir).sort()).toEqual(before);
    const head = await raw(server.url, '/data/manifest.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe('icity view: its command line', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('says clearly that a port is busy and exits with 2', async () => {
    const blocker = net.createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = await icityAsync(['view', runDir, '--port', String(port)]);
    blocker.close();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is busy.*--port 0`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a missing folder, a folder without a manifest and a bad port with exit 2', () => {
    const missing = icity(['view', path.join(work, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such folder/);
    const empty = path.join(work, 'empty');
    fs.mkdirSync(empty);
    const noManifest = icity(['view', empty]);
    expect(noManifest.status).toBe(2);
    expect(noManifest.stderr).toMatch(/empty: has no manifest\.json/);
    const port = icity(['view', runDir, '--port', '70000']);
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port: found "70000"; expected a whole number from 0 to 65535/);
  });
});
