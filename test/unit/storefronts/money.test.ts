import { describe, expect, it } from 'vitest';
import { currencyExponent, divideHalfEven, toMinorUnits } from '../../../shared/storefronts/money.ts';

const minor = (value: string | number, currency = 'EUR', signed = false) => {
  const result = toMinorUnits(value, currency, { signed });
  return result.ok ? result.amount : result.problem;
};

describe('toMinorUnits', () => {
  it('uses the ISO 4217 exponent of the currency', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND']) expect(currencyExponent(code)).toBe(3);
    expect(minor('19.99')).toBe(1999);
    expect(minor('1500', 'JPY')).toBe(1500);
    expect(minor('1500.00', 'JPY')).toBe(1500);
    expect(minor('12.345', 'KWD')).toBe(12345);
    expect(minor('7', 'BHD')).toBe(7000);
    expect(minor('0.5', 'USD')).toBe(50);
  });

  it('is exact where floating point is not', () => {
    expect(minor('19.99')).toBe(1999); // 19.99 * 100 = 1998.9999999999998
    expect(minor(0.1 + 0.2)).toBe(30); // 0.30000000000000004
    expect(minor('1.005')).toBe(100); // a tie: half to even
    expect(minor('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994
    expect(minor('90071992547409.91')).toBe(9007199254740991);
    expect(minor('90071992547409.92')).toBe('too_large');
  });

  it('rounds half to even, only past the currency decimals', () => {
    expect(minor('0.125')).toBe(12);
    expect(minor('0.135')).toBe(14);
    expect(minor('0.1251')).toBe(13);
    expect(minor('2.5', 'JPY')).toBe(2);
    expect(minor('3.5', 'JPY')).toBe(4);
    expect(minor('3.4999', 'JPY')).toBe(3);
    expect(minor('0.0005', 'KWD')).toBe(0);
    expect(minor('0.0015', 'KWD')).toBe(2);
    expect(minor('-2.345', 'USD', true)).toBe(-234);
  });

  it('reads JSON numbers, signs and exponents, and refuses what is not an amount', () => {
    expect(minor(40.5)).toBe(4050);
    expect(minor(18)).toBe(1800);
    expect(minor(1e-7)).toBe(0);
    expect(minor('1.5e2')).toBe(15000);
    expect(minor(' 3.20 ')).toBe(320);
    expect(minor('-5.00', 'USD', true)).toBe(-500);
    expect(minor('-0.00')).toBe(0);
    expect(minor('-5.00')).toBe('negative');
    for (const bad of ['abc', '', '.', '1,50', '1.2.3', '0x10', '€5']) expect(minor(bad)).toBe('not_decimal');
    expect(minor(Number.NaN)).toBe('not_decimal');
    expect(minor(Number.POSITIVE_INFINITY)).toBe('not_decimal');
  });
});

describe('divideHalfEven', () => {
  it('divides integers with banker’s rounding', () => {
    expect(divideHalfEven(1000, 3)).toBe(333);
    expect(divideHalfEven(2000, 3)).toBe(667);
    expect(divideHalfEven(5, 2)).toBe(2);
    expect(divideHalfEven(7, 2)).toBe(4);
    expect(divideHalfEven(9000, 2)).toBe(4500);
    expect(() => divideHalfEven(1, 0)).toThrow(RangeError);
  });
});
