import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatMoney, inCurrency, percentOf, unitsUpTo } from '../../../shared/refunds/money.ts';

describe('allocate (largest remainder)', () => {
  it('splits a whole into parts that add up to it exactly, the extra units to the largest remainders', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [3333, 3333, 3334])).toEqual([333, 333, 334]);
    expect(allocate(10, [1, 2, 7])).toEqual([1, 2, 7]);
    expect(allocate(7, [0, 0])).toEqual([4, 3]); // no weights: equal split
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(5, [])).toEqual([]);
  });

  it('stays exact where amount × weight passes 2^53', () => {
    const parts = allocate(9_000_000_000_000, [3_000_000_001, 6_000_000_000, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000);
  });

  it('always adds up, never negative, for any amounts and weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((part) => Number.isInteger(part) && part >= 0)).toBe(true);
      }),
    );
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [-1, 2])).toThrow(RangeError);
  });
});

describe('unitsUpTo', () => {
  it('values units in order, the first ones carrying the extra minor unit, adding up to the total', () => {
    expect([1, 2, 3].map((units) => unitsUpTo(1000, 3, units))).toEqual([334, 667, 1000]);
    expect(unitsUpTo(1000, 3, 0)).toBe(0);
    expect(unitsUpTo(1000, 3, 5)).toBe(1000);
  });
});

describe('percentOf', () => {
  it('rounds half to even on the minor unit, percentages with two decimals', () => {
    expect(percentOf(250, 10)).toBe(25);
    expect(percentOf(5, 50)).toBe(2); // 2.5 -> 2
    expect(percentOf(15, 50)).toBe(8); // 7.5 -> 8
    expect(percentOf(1999, 12.5)).toBe(250); // 249.875
    expect(percentOf(1000, 7.25)).toBe(72); // 72.5 -> 72
    expect(percentOf(1000, 0)).toBe(0);
    expect(percentOf(1000, 100)).toBe(1000);
  });
});

describe('formatMoney and inCurrency', () => {
  it('writes amounts with the decimals of their currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('19.99 USD');
    expect(formatMoney({ amount: 5, currency: 'EUR' })).toBe('0.05 EUR');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('1500 JPY');
    expect(formatMoney({ amount: 12345, currency: 'KWD' })).toBe('12.345 KWD');
    expect(formatMoney({ amount: 7, currency: 'KWD' })).toBe('0.007 KWD');
  });

  it('finds the threshold of a currency', () => {
    const thresholds = [{ amount: 100, currency: 'USD' }, { amount: 2000, currency: 'JPY' }];
    expect(inCurrency(thresholds, 'JPY')).toEqual({ amount: 2000, currency: 'JPY' });
    expect(inCurrency(thresholds, 'EUR')).toBeUndefined();
    expect(inCurrency(undefined, 'EUR')).toBeUndefined();
  });
});
