import { describe, expect, it } from 'vitest';
import { parseRange } from '../../viz/server/byteRange.ts';
import { readViewState, viewStateQuery } from '../../viz/src/state/viewState.ts';
import { Player } from '../../viz/src/timeline/player.ts';
import { formatValue } from '../../viz/src/format/formatValue.ts';

describe('parseRange(header, size)', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('clamps an end past the file and refuses a start past it', () => {
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve: several ranges, other units, nonsense', () => {
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeUndefined();
    expect(parseRange('items=0-1', 1000)).toBeUndefined();
    expect(parseRange('bytes=9-3', 1000)).toBeUndefined();
    expect(parseRange(undefined, 1000)).toBeUndefined();
  });
});

describe('the view state in the URL', () => {
  it('round-trips every field', () => {
    const s = {
      view: 'compare' as const,
      run: 'runs/baseline/2',
      metrics: ['dissimilarity', 'incidents'],
      metric: 'prejudice_host',
      layer: 'migrant_share',
      day: 120,
      a: 'baseline',
      b: 'allport',
      speed: 20,
    };
    expect(readViewState(`?${viewStateQuery(s)}`)).toEqual(s);
  });

  it('drops values it cannot use rather than failing', () => {
    expect(readViewState('?view=nonsense&day=-3&speed=0&metrics=')).toEqual({});
    expect(readViewState('?day=1.5')).toEqual({});
  });
});

describe('Player over recorded days', () => {
  const p = new Player([0, 7, 14, 21, 28, 30]);

  it('finds the last recorded day not after a day', () => {
    expect(p.indexOfDay(0)).toBe(0);
    expect(p.indexOfDay(6)).toBe(0);
    expect(p.indexOfDay(7)).toBe(1);
    expect(p.indexOfDay(29)).toBe(4);
    expect(p.indexOfDay(400)).toBe(5);
  });

  it('steps and seeks within the recorded days, telling its listeners', () => {
    const seen: number[] = [];
    p.onChange(() => seen.push(p.day));
    p.seek(2);
    p.step(1);
    p.step(10);
    p.step(-100);
    expect(seen).toEqual([14, 21, 30, 0]);
  });
});

describe('formatValue(x)', () => {
  it('keeps whole numbers whole and gives indices four decimals', () => {
    expect(formatValue(14362)).toBe('14,362');
    expect(formatValue(0.251551)).toBe('0.2516');
    expect(formatValue(-0.0016)).toBe('−0.0016');
    expect(formatValue(73.268241)).toBe('73.2682');
    expect(formatValue(1234.5)).toBe('1,235');
    expect(formatValue(NaN)).toBe('–');
  });
});
