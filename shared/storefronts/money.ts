// Exact conversion of storefront decimal amounts ("19.99", "-5.00", 18, "1500") to integer minor
// units with the ISO 4217 exponent of the currency. No floating point arithmetic: the decimal text
// is split into digits, so "19.99" is 1999 and 0.1 + 0.2 (0.30000000000000004) is 30. A value with
// more decimals than the currency has is rounded half to even (banker's rounding), the rounding
// storefronts and payment gateways use for allocated amounts.

/** ISO 4217 currencies whose minor unit is not the hundredth. Everything else has 2 decimals. */
const exponents: Readonly<Record<string, number>> = {
  // 0 decimals
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // 3 decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // 4 decimals
  CLF: 4, UYW: 4,
};

/** Decimals of the currency's minor unit: 0 for JPY, 3 for KWD, 2 for EUR. */
export function currencyExponent(currency: string): number {
  return exponents[currency] ?? 2;
}

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/** Why a value is not an amount, or undefined when it is one. Used for error messages. */
export type DecimalProblem = 'not_decimal' | 'negative' | 'too_large';

export interface MinorUnits {
  ok: true;
  amount: number;
}
export interface NotMinorUnits {
  ok: false;
  problem: DecimalProblem;
}

/**
 * Converts a decimal string (or a JSON number, through its shortest decimal representation) to an
 * integer amount in minor units of `currency`. Negative values are refused unless `signed`.
 */
export function toMinorUnits(value: string | number, currency: string, options: { signed?: boolean } = {}): MinorUnits | NotMinorUnits {
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, problem: 'not_decimal' };
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = decimalPattern.exec(text);
  if (!match) return { ok: false, problem: 'not_decimal' };
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return { ok: false, problem: 'not_decimal' };

  // All digits as one string, and where the decimal point sits once scaled to minor units.
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText ?? 0) + currencyExponent(currency);
  let kept: string;
  let dropped: string;
  if (point <= 0) {
    kept = '0';
    dropped = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    kept = digits + '0'.repeat(point - digits.length);
    dropped = '';
  } else {
    kept = digits.slice(0, point);
    dropped = digits.slice(point);
  }

  let units = BigInt(kept);
  if (roundsUp(dropped, units)) units += 1n;
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'too_large' };
  const negative = sign === '-' && units !== 0n;
  if (negative && !options.signed) return { ok: false, problem: 'negative' };
  return { ok: true, amount: negative ? -Number(units) : Number(units) };
}

/** Half to even on the magnitude: "…5" exactly rounds to the even neighbour, more rounds up. */
function roundsUp(dropped: string, kept: bigint): boolean {
  const first = dropped.charCodeAt(0) - 48;
  if (Number.isNaN(first) || first < 5) return false;
  if (first > 5) return true;
  if (/[1-9]/.test(dropped.slice(1))) return true;
  return kept % 2n === 1n;
}

/** `numerator / denominator` rounded half to even, for integers (a unit price from a line total). */
export function divideHalfEven(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`cannot divide ${numerator} by ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = 2 * (numerator - quotient * denominator);
  if (twiceRemainder > denominator) return quotient + 1;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}
