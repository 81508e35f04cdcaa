/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit): a few integer ops per
 * draw and no allocation, so the reference loop's cost is the model, not the random numbers.
 */

/** A uniform float in [0, 1). */
export type Random = () => number;

/** splitmix32: spreads one integer seed over sfc32's 128 bits of state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function sfc32(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still carry the seed's structure; discarding a few is the usual warm-up.
  for (let i = 0; i < 12; i++) next();
  return next;
}
