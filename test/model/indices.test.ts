import { describe, expect, it } from 'vitest';
import { dissimilarity, entropy, exposure, isolation, mutualInformation, theilH } from '../../sim/index.ts';
import { mutualInformationFlat, theilHFlat } from '../../sim/model/indices/index.ts';

// Two areas: area 0 holds minority 10, majority 30; area 1 holds minority 30, majority 10.
const minority = [10, 30];
const majority = [30, 10];

describe('segregation indices on cases computed by hand', () => {
  it('dissimilarity is half the summed gaps between the group distributions', () => {
    // X = 40, Y = 40: 1/2 (|0.25 - 0.75| + |0.75 - 0.25|) = 0.5
    expect(dissimilarity(minority, majority)).toBeCloseTo(0.5, 12);
    expect(dissimilarity([5, 5], [10, 10])).toBeCloseTo(0, 12);
    expect(dissimilarity([10, 0], [0, 10])).toBeCloseTo(1, 12);
  });

  it('isolation is the minority share around the average minority member', () => {
    // (10/40)(10/40) + (30/40)(30/40) = 0.0625 + 0.5625 = 0.625
    expect(isolation(minority, majority)).toBeCloseTo(0.625, 12);
  });

  it('exposure is the majority share around the average minority member, and isolation + exposure = 1', () => {
    // (10/40)(30/40) + (30/40)(10/40) = 0.375
    expect(exposure(minority, majority)).toBeCloseTo(0.375, 12);
    expect(isolation([3, 7, 0], [1, 9, 4]) + exposure([3, 7, 0], [1, 9, 4])).toBeCloseTo(1, 12);
  });

  it("Theil's H is M / E and is 0 for even mixes and 1 for complete separation", () => {
    const counts = [
      [10, 30],
      [30, 10],
    ];
    // E = ln 2; E_i = -(0.25 ln 0.25 + 0.75 ln 0.75) = 0.562335; H = (ln2 - 0.562335)/ln2
    const Ei = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
    expect(mutualInformation(counts)).toBeCloseTo(Math.log(2) - Ei, 12);
    expect(theilH(counts)).toBeCloseTo((Math.log(2) - Ei) / Math.log(2), 12);
    expect(
      theilH([
        [5, 5],
        [10, 10],
      ]),
    ).toBeCloseTo(0, 12);
    expect(
      theilH([
        [10, 0, 0],
        [0, 7, 0],
        [0, 0, 3],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('Theil H takes any number of groups', () => {
    // Three groups, two areas; computed by hand from the definition.
    const counts = [
      [20, 10, 10],
      [0, 10, 30],
    ];
    const T = 80;
    const E = -[20, 20, 40].reduce((s, c) => s + (c / T) * Math.log(c / T), 0);
    const e1 = -[0.5, 0.25, 0.25].reduce((s, p) => s + p * Math.log(p), 0);
    const e2 = -[0.25, 0.75].reduce((s, p) => s + p * Math.log(p), 0);
    const H = (40 * (E - e1) + 40 * (E - e2)) / (T * E);
    expect(theilH(counts)).toBeCloseTo(H, 12);
  });

  it('indices of empty groups are 0 and mismatched lengths are refused', () => {
    expect(dissimilarity([0, 0], [3, 4])).toBe(0);
    expect(isolation([0, 0], [3, 4])).toBe(0);
    expect(theilH([[0, 0]])).toBe(0);
    expect(() => dissimilarity([1, 2], [1])).toThrow(/one count per area/);
    expect(() => theilH([[1, 2], [1]])).toThrow(/groups/);
  });

  it('the flat forms the census uses give the same bits as the definition computed row by row', () => {
    // M = E - sum_i (t_i / T) E_i, area by area, with the entropies of entropy().
    const byRows = (rows: number[][]) => {
      const totals = rows[0].map((_, g) => rows.reduce((s, r) => s + r[g], 0));
      const T = rows.flat().reduce((s, c) => s + c, 0);
      const within = rows.reduce((s, r) => {
        const t = r.reduce((a, b) => a + b, 0);
        return t > 0 ? s + (t / T) * entropy(r) : s;
      }, 0);
      const M = Math.max(0, entropy(totals) - within);
      return { M, H: Math.min(1, M / entropy(totals)) };
    };
    let x = 7;
    const draw = () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % 9;
    };
    // Small whole counts (as in census tracts), large ones, and fractions.
    for (const [groups, scale] of [
      [2, 1],
      [3, 1],
      [5, 1],
      [3, 25],
      [2, 1 / 3],
    ]) {
      const rows = Array.from({ length: 400 }, () => Array.from({ length: groups }, () => draw() * scale));
      const flat = Float64Array.from(rows.flat());
      const expected = byRows(rows);
      expect(expected.H).toBeGreaterThan(0);
      expect(mutualInformationFlat(flat, groups)).toBe(expected.M);
      expect(theilHFlat(flat, groups)).toBe(expected.H);
      expect(mutualInformation(rows)).toBe(expected.M);
      expect(theilH(rows)).toBe(expected.H);
    }
    expect(theilHFlat(new Float64Array(0), 0)).toBe(0);
    expect(() => theilHFlat(new Float64Array(5), 2)).toThrow(/5 counts do not make rows of 2 groups/);
  });
});
