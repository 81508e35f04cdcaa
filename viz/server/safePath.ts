import fs from 'node:fs/promises';
import path from 'node:path';

/** Where a request path leads: a regular file inside the root, or why it is refused. */
export type Resolved = { ok: true; file: string; size: number } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps the raw path of a request (still percent-encoded, relative to the served root) to a
 * file inside `root`, which must already be a real path (fs.realpath). Refused: malformed
 * encoding, NUL bytes, backslashes, encoded slashes, empty segments (so no absolute path
 * can be smuggled in), segments that start with "." (so "..", "." and hidden or
 * half-written ".partial-" folders), and anything whose real path, after following
 * symbolic links, is outside the root or inside a hidden folder. Checks are made on the decoded segments, so
 * "%2e%2e" is refused like "..".
 */
export async function resolveInside(root: string, rawPath: string): Promise<Resolved> {
  if (rawPath.includes('\\') || rawPath.includes('\0')) return { ok: false, status: 400, reason: 'backslash or NUL in the path' };
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (seg === '') return { ok: false, status: 403, reason: 'empty path segment' };
    if (seg.startsWith('.')) return { ok: false, status: 403, reason: 'path segment starting with "."' };
    if (/[/\\\0]/.test(seg)) return { ok: false, status: 403, reason: 'encoded separator in a path segment' };
    segments.push(seg);
  }
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return { ok: false, status: 403, reason: 'outside the served folder' };
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    return { ok: false, status: 404, reason: 'no such file' };
  }
  if (!isInside(root, real)) return { ok: false, status: 403, reason: 'a link that leads outside the served folder' };
  // A link inside the folder may still lead to a hidden file or folder (".git", ".secret").
  if (
    path
      .relative(root, real)
      .split(path.sep)
      .some((seg) => seg.startsWith('.'))
  )
    return { ok: false, status: 403, reason: 'a link that leads to a hidden file or folder' };
  const stat = await fs.stat(real);
  if (!stat.isFile()) return { ok: false, status: 404, reason: 'not a file' };
  return { ok: true, file: real, size: stat.size };
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
