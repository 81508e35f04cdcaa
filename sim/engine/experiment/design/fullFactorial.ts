/**
 * Every combination of level indices, the last factor varying fastest:
 * fullFactorial([2, 3]) is [0,0], [0,1], [0,2], [1,0], [1,1], [1,2].
 */
export function fullFactorial(levels: readonly number[]): number[][] {
  const out: number[][] = [];
  const index = new Array<number>(levels.length).fill(0);
  if (levels.some((n) => n < 1)) return out;
  for (;;) {
    out.push([...index]);
    let j = levels.length - 1;
    while (j >= 0 && ++index[j] === levels[j]) index[j--] = 0;
    if (j < 0) return out;
  }
}
