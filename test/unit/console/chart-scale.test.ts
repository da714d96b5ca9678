import { describe, expect, it } from 'vitest';
import { labelledIndexes, niceTicks } from '../../../console/src/chart-scale.ts';

describe('console chart axes', () => {
  it('picks round ticks from zero up to at least the maximum', () => {
    expect(niceTicks(9)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0.96)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('labels every day of a short period, and about six spread days of a long one, first and last included', () => {
    expect([...labelledIndexes(5)]).toEqual([0, 1, 2, 3, 4]);
    const ninety = [...labelledIndexes(90)].sort((a, b) => a - b);
    expect(ninety[0]).toBe(0);
    expect(ninety.at(-1)).toBe(89);
    expect(ninety.length).toBeLessThanOrEqual(7);
    expect(ninety.at(-1)! - ninety.at(-2)!).toBeGreaterThanOrEqual(9);
  });
});
