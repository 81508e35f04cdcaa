import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleViewer, type ViewerAssets } from './bundleViewer.ts';
import { resolveInside } from './safePath.ts';
import { sendBytes, sendFile } from './sendFile.ts';
import { SECURITY_HEADERS } from './securityHeaders.ts';

export interface ViewServerOptions {
  /** The run or experiment folder to serve under /data/; without one, only the live view. */
  dir?: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface ViewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The viewer's server: the page, its scripts and style, and the files inside one run or
 * experiment folder under /data/ (if one is given). Read-only (GET and HEAD); nothing else is reachable.
 * Bound to a loopback address it also refuses requests whose Host header names another
 * host, so a web page that re-points its own domain at 127.0.0.1 (DNS rebinding) cannot
 * read the data.
 */
export function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const root = options.dir === undefined ? undefined : fs.realpathSync(options.dir);
  const assets = bundleViewer();
  const loopbackOnly = LOOPBACK.has(options.host);
  const server = http.createServer((req, res) => {
    handle(req, res, root, assets, loopbackOnly).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string | undefined,
  assets: ViewerAssets,
  loopbackOnly: boolean,
): Promise<void> {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const refuse = (status: number, why: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${status} ${http.STATUS_CODES[status]}: ${why}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return refuse(405, 'this server only reads');
  }
  if (loopbackOnly && !LOOPBACK.has(hostName(req.headers.host))) return refuse(403, 'unexpected Host header');
  const url = req.url ?? '';
  if (!url.startsWith('/')) return refuse(400, 'expected a path');
  const rawPath = url.split(/[?#]/, 1)[0];
  if (rawPath === '/' || rawPath === '/index.html') return sendBytes(req, res, 'text/html; charset=utf-8', assets['index.html']);
  if (rawPath === '/app.js') return sendBytes(req, res, 'text/javascript; charset=utf-8', assets['app.js']);
  if (rawPath === '/style.css') return sendBytes(req, res, 'text/css; charset=utf-8', assets['style.css']);
  if (rawPath === '/served.json') return sendBytes(req, res, 'application/json; charset=utf-8', servedJson(root !== undefined));
  if (rawPath === '/live-worker.js') return sendBytes(req, res, 'text/javascript; charset=utf-8', assets['live-worker.js']);
  if (rawPath === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (!rawPath.startsWith('/data/') || root === undefined) return refuse(404, 'no such file');
  const found = await resolveInside(root, rawPath.slice('/data/'.length));
  if (!found.ok) return refuse(found.status, found.reason);
  sendFile(req, res, found.file, found.size);
}

function hostName(header: string | undefined): string {
  if (!header) return '';
  if (header.startsWith('[')) return header.slice(0, header.indexOf(']') + 1);
  return header.replace(/:\d+$/, '');
}

/** Tells the page whether a run or experiment folder is served (a static site says no). */
export function servedJson(folder: boolean): string {
  return JSON.stringify({ folder }) + '\n';
}
