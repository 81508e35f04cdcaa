/** Shared checks and sums for the segregation indices. */
export type Counts = ArrayLike<number>;

export function checkPair(minority: Counts, majority: Counts): void {
  if (minority.length !== majority.length) {
    throw new RangeError(`minority and majority must have one count per area (got ${minority.length} and ${majority.length})`);
  }
}

export function sum(xs: Counts): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}
