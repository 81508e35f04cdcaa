import { describe, expect, it } from 'vitest';
import { goldenRun, goldenScenarios, readGolden } from './goldenRuns.ts';

describe('golden outputs', () => {
  const recorded = readGolden();
  it('every scenario file has recorded digests', () => {
    expect(Object.keys(recorded).sort()).toEqual(goldenScenarios());
  });
  for (const file of goldenScenarios()) {
    it(`a short seeded run of ${file} gives the recorded bytes`, () => {
      expect(goldenRun(file)).toEqual(recorded[file]);
    });
  }
});
