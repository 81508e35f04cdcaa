import { ViewerError } from './viewerError.ts';

/** Files of the run or experiment folder are served under this path. */
export const DATA_ROOT = '/data/';

/** A folder inside the served one that paths are read from (a city's experiment in a transfer folder). */
let folder = '';

export function setDataFolder(path: string): void {
  folder = path;
}

/** The URL of a file given by its path inside the served folder ("runs/baseline/1/metrics.csv"). */
export function dataUrl(file: string): string {
  return DATA_ROOT + (folder + file).split('/').map(encodeURIComponent).join('/');
}

/** Fetches a file of the served folder; a failure names the file and says what went wrong. */
export async function fetchData(file: string, init?: RequestInit, alsoAccept: number[] = []): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(dataUrl(file), { cache: 'no-store', ...init });
  } catch (err) {
    throw new ViewerError(file, `could not be fetched (${(err as Error).message}); is icity view still running?`);
  }
  if (res.status === 404)
    throw new ViewerError(file, 'is missing', 'A finished run folder has manifest.json, metrics.csv, frames.json and frames.bin; run it again to rewrite it.');
  if (!res.ok && !alsoAccept.includes(res.status)) throw new ViewerError(file, `could not be read (HTTP ${res.status} ${res.statusText})`);
  return res;
}

export async function fetchText(file: string): Promise<string> {
  const res = await fetchData(file);
  return res.text();
}

/** Fetches and parses a JSON object. */
export async function fetchJson(file: string): Promise<Record<string, unknown>> {
  const text = await fetchText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (text.trim() === '') throw new ViewerError(file, 'is empty');
    throw new ViewerError(file, `is not valid JSON (${(err as Error).message})`, 'The file is damaged or was cut short; run it again to rewrite it.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ViewerError(file, 'is not a JSON object');
  return value as Record<string, unknown>;
}
