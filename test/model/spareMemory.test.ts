import { describe, expect, it } from 'vitest';
import { SharedArrays } from '../../sim/model/shared.ts';
import { SpareMemory } from '../../sim/model/spareMemory.ts';

describe('spare memory', () => {
  it('gives a finished run’s buffers to the next run’s arrays of the same name and size, zeroed', () => {
    const spare = new SpareMemory();
    const first = new SharedArrays(spare);
    const age = first.alloc('age', 'u8', 10);
    const prejudice = first.alloc('prejudice', 'f32', 4);
    age.fill(7);
    prejudice.fill(0.5);
    spare.keep(first.describe());

    const second = new SharedArrays(spare);
    const age2 = second.alloc('age', 'u8', 10);
    const prejudice2 = second.alloc('prejudice', 'f32', 5);
    expect(second.describe().age.buffer).toBe(first.describe().age.buffer);
    expect(Array.from(age2)).toEqual(new Array(10).fill(0));
    // Another size is another array: allocated afresh.
    expect(second.describe().prejudice.buffer).not.toBe(first.describe().prejudice.buffer);
    expect(Array.from(prejudice2)).toEqual(new Array(5).fill(0));
    expect(Array.from(prejudice)).toEqual(new Array(4).fill(0.5));
    // A buffer is given once.
    expect(spare.take('age', 10)).toBeUndefined();
  });

  it('lets go of buffers an earlier run kept and no run took', () => {
    const spare = new SpareMemory();
    const first = new SharedArrays(spare);
    first.alloc('ties', 'i32', 8);
    spare.keep(first.describe());
    const second = new SharedArrays(spare);
    second.alloc('age', 'u8', 3);
    spare.keep(second.describe());
    expect(spare.take('ties', 32)).toBeUndefined();
    expect(spare.take('age', 3)).toBeInstanceOf(SharedArrayBuffer);
  });
});
