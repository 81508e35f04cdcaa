/**
 * Random streams keyed by what they serve.
 *
 * A stream is re-keyed with (purpose, day, slot, entity) before use, so the numbers a
 * resident or a space draws do not depend on which thread runs it or in what order: that is
 * what makes outputs identical for any thread count. Re-keying is a few integer operations
 * and allocates nothing, so hot loops can re-key per space or per resident.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, passes
 * PractRand); the key is mixed with the MurmurHash3 finaliser. The root key comes from
 * `seedrandom` (see rootKey in seed.ts), the project's seeded source.
 */
export const Purpose = {
  city: 1,
  schedule: 2,
  meet: 3,
  daily: 4,
  housing: 5,
  labour: 6,
  arrivals: 7,
  policy: 8,
} as const;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Stream {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  // The hash of (root, purpose, day, slot), kept because loops re-key the same prefix for
  // every resident or space: then a re-key costs three hashes instead of seven.
  private prefix = 0;
  private lastPurpose = -1;
  private lastDay = -1;
  private lastSlot = -1;

  constructor(private readonly root: number) {
    this.reset(0, 0, 0, 0);
  }

  /** Re-key: what follows depends only on the root key and these four numbers. */
  reset(purpose: number, day: number, slot: number, entity: number): this {
    if (purpose !== this.lastPurpose || day !== this.lastDay || slot !== this.lastSlot) {
      let h = fmix32(this.root ^ 0x9e3779b9);
      h = fmix32(h ^ Math.imul(purpose + 1, 0x27d4eb2f));
      h = fmix32(h ^ Math.imul(day + 0x165667b1, 0x85ebca77));
      this.prefix = fmix32(h ^ Math.imul(slot + 0x3c6ef372, 0xc2b2ae3d));
      this.lastPurpose = purpose;
      this.lastDay = day;
      this.lastSlot = slot;
    }
    const h = fmix32(this.prefix ^ Math.imul(entity + 0x7f4a7c15, 0x9e3779b1));
    // Three state words from three independent hashes: the first outputs are already mixed,
    // so two rounds suffice to decorrelate neighbouring keys.
    this.a = h;
    this.b = fmix32(h ^ 0x68e31da4);
    this.c = fmix32(h ^ 0xb5297a4d);
    this.d = 1;
    this.nextUint32();
    this.nextUint32();
    return this;
  }

  nextUint32(): number {
    const a = this.a,
      b = this.b,
      c = this.c,
      d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** floor(mean) plus one more with probability frac(mean): a count with the given mean. */
  count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.next() < mean - whole ? 1 : 0);
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A Poisson draw by inversion; for small means (household sizes, arrivals per day). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit && k < 1000) {
      k++;
      p *= this.next();
    }
    return k;
  }
}
