import { fetchData } from './fetchData.ts';
import type { FramesHeader } from './framesHeader.ts';
import { ViewerError } from './viewerError.ts';

const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 4 * 1024 * 1024;

/**
 * The frames of frames.bin, loaded in chunks of whole frames with HTTP Range requests: the
 * chunk the playhead needs first, then the rest in order in the background, so a long run
 * starts playing at once and scrubbing anywhere loads only what it shows. Chunks are about
 * a sixteenth of the file (64 kB to 4 MB); past `budgetBytes` the least recently shown
 * chunks are dropped and fetched again when needed, so a 1,000,000-resident year does not
 * have to fit in memory.
 */
export class FrameStore {
  readonly count: number;
  readonly framesPerChunk: number;
  private readonly chunks = new Map<number, Uint8Array>();
  private readonly pending = new Map<number, Promise<void>>();
  private readonly lastUse = new Map<number, number>();
  private useClock = 0;
  private bytesHeld = 0;
  private backgroundStarted = false;
  /** Called when a chunk arrives (to redraw) and when loading fails (to show the error). */
  onLoad: () => void = () => {};
  onError: (err: ViewerError) => void = () => {};

  constructor(
    readonly file: string,
    readonly header: FramesHeader,
    private readonly budgetBytes = 384 * 1024 * 1024,
  ) {
    this.count = header.days.length;
    const target = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, (this.count * header.frameBytes) / 16));
    this.framesPerChunk = Math.max(1, Math.floor(target / header.frameBytes));
  }

  /** Loads the first chunk and checks that frames.bin is as long as frames.json says. */
  async open(): Promise<void> {
    await this.request(0);
  }

  has(i: number): boolean {
    return this.chunks.has(Math.floor(i / this.framesPerChunk));
  }

  /** Frames loaded so far. */
  loadedFrames(): number {
    let n = 0;
    for (const c of this.chunks.keys()) n += Math.min(this.framesPerChunk, this.count - c * this.framesPerChunk);
    return n;
  }

  /** The dwelling grid of frame i (one byte per dwelling), if loaded. */
  grid(i: number): Uint8Array | undefined {
    const at = this.locate(i);
    return at && new Uint8Array(at.bytes.buffer, at.bytes.byteOffset + at.offset, this.header.gridBytes);
  }

  /** The district aggregates of frame i, district-major, if loaded. */
  districts(i: number): Float32Array | undefined {
    const at = this.locate(i);
    const n = this.header.boxes.length * this.header.metrics.length;
    return at && new Float32Array(at.bytes.buffer, at.bytes.byteOffset + at.offset + this.header.districtOffset, n);
  }

  /** The smallest and largest value of district aggregate m over the frames loaded so far. */
  districtExtent(m: number): [number, number] {
    const D = this.header.boxes.length;
    const M = this.header.metrics.length;
    let lo = Infinity;
    let hi = -Infinity;
    for (const bytes of this.chunks.values()) {
      const frames = bytes.length / this.header.frameBytes;
      for (let f = 0; f < frames; f++) {
        const values = new Float32Array(bytes.buffer, bytes.byteOffset + f * this.header.frameBytes + this.header.districtOffset, D * M);
        for (let d = 0; d < D; d++) {
          const v = values[d * M + m];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    }
    return [lo, hi];
  }

  /** Loads the chunk holding frame i (first) and the next one. */
  want(i: number): void {
    const c = Math.floor(i / this.framesPerChunk);
    this.loadChunk(c).catch((err) => this.onError(err));
    if ((c + 1) * this.framesPerChunk < this.count) this.loadChunk(c + 1).catch((err) => this.onError(err));
  }

  request(i: number): Promise<void> {
    return this.loadChunk(Math.floor(i / this.framesPerChunk));
  }

  /** Loads the remaining chunks one after another while they fit in the budget. */
  loadInBackground(): void {
    if (this.backgroundStarted) return;
    this.backgroundStarted = true;
    const chunks = Math.ceil(this.count / this.framesPerChunk);
    const next = async (c: number): Promise<void> => {
      if (c >= chunks || this.bytesHeld + this.chunkLength(c) > this.budgetBytes) return;
      await this.loadChunk(c);
      return next(c + 1);
    };
    next(0).catch((err) => this.onError(err));
  }

  private locate(i: number): { bytes: Uint8Array; offset: number } | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const c = Math.floor(i / this.framesPerChunk);
    const bytes = this.chunks.get(c);
    if (!bytes) return undefined;
    this.lastUse.set(c, ++this.useClock);
    return { bytes, offset: (i - c * this.framesPerChunk) * this.header.frameBytes };
  }

  private chunkLength(c: number): number {
    return Math.min(this.framesPerChunk, this.count - c * this.framesPerChunk) * this.header.frameBytes;
  }

  private loadChunk(c: number): Promise<void> {
    if (this.chunks.has(c)) return Promise.resolve();
    let p = this.pending.get(c);
    if (!p) {
      p = this.fetchChunk(c).finally(() => this.pending.delete(c));
      this.pending.set(c, p);
    }
    return p;
  }

  private async fetchChunk(c: number): Promise<void> {
    const start = c * this.framesPerChunk * this.header.frameBytes;
    const length = this.chunkLength(c);
    const expected = this.count * this.header.frameBytes;
    const res = await fetchData(this.file, { headers: { Range: `bytes=${start}-${start + length - 1}` } }, [416]);
    let bytes: Uint8Array;
    if (res.status === 200) {
      // The server ignored the range and sent the whole file.
      const all = new Uint8Array(await res.arrayBuffer());
      this.checkTotal(all.length, expected);
      bytes = all.slice(start, start + length);
    } else {
      const total = Number(/\/(\d+)$/.exec(res.headers.get('Content-Range') ?? '')?.[1]);
      if (Number.isFinite(total)) this.checkTotal(total, expected);
      if (res.status === 416) throw new ViewerError(this.file, `could not read bytes ${start}.. (HTTP 416)`);
      bytes = new Uint8Array(await res.arrayBuffer());
    }
    if (bytes.length !== length) this.checkTotal(start + bytes.length, expected);
    this.chunks.set(c, bytes);
    this.lastUse.set(c, ++this.useClock);
    this.bytesHeld += bytes.length;
    this.evict(c);
    this.onLoad();
  }

  private checkTotal(total: number, expected: number): void {
    if (total === expected) return;
    const what = `frames.json lists ${this.count} frames of ${this.header.frameBytes.toLocaleString('en-US')} bytes (${expected.toLocaleString('en-US')} bytes)`;
    if (total < expected)
      throw new ViewerError(
        this.file,
        `is truncated: it has ${total.toLocaleString('en-US')} bytes, but ${what}`,
        'The run was interrupted or the file was cut short; run it again.',
      );
    throw new ViewerError(
      this.file,
      `is longer than expected: it has ${total.toLocaleString('en-US')} bytes, but ${what}`,
      'frames.json and frames.bin come from different runs; run it again.',
    );
  }

  private evict(keep: number): void {
    while (this.bytesHeld > this.budgetBytes && this.chunks.size > 1) {
      let oldest = -1;
      let oldestUse = Infinity;
      for (const [c, use] of this.lastUse) if (c !== keep && use < oldestUse && this.chunks.has(c)) [oldest, oldestUse] = [c, use];
      if (oldest < 0) return;
      this.bytesHeld -= this.chunks.get(oldest)!.length;
      this.chunks.delete(oldest);
      this.lastUse.delete(oldest);
    }
  }
}
