import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRange } from './byteRange.ts';
import { contentType } from './contentType.ts';

/**
 * Streams a file, or the one byte range the request asks for (206), so the viewer can load
 * frames.bin piece by piece and start playing before the whole file has arrived.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number): void {
  res.setHeader('Content-Type', contentType(file));
  res.setHeader('Accept-Ranges', 'bytes');
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  res.writeHead(range ? 206 : 200, { 'Content-Length': String(Math.max(0, end - start + 1)) });
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Sends bytes held in memory (the viewer's own files). */
export function sendBytes(req: IncomingMessage, res: ServerResponse, type: string, body: Uint8Array | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
