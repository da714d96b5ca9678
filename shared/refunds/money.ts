// Integer money arithmetic for refund decisions: amounts are minor units (cents, yen, fils) and
// every split is exact. A whole divided into parts uses the largest remainder method, so the parts
// always add up to the whole; a percentage rounds half to even once, on the amount it applies to.
// BigInt inside, because amount × weight can pass 2^53 long before the amount does.
import type { Money } from '../events/common.ts';
import { currencyExponent } from '../storefronts/money.ts';

export const money = (amount: number, currency: string): Money => ({ amount, currency });

export function sumOf(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}

function checkAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${what} is not an amount in minor units: ${amount}`);
}

/** `numerator / denominator` rounded half to even, for non-negative BigInts. */
function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
}

/**
 * `total` split in proportion to `weights`, in integers that add up to `total` exactly (largest
 * remainder; ties go to the earlier part). All weights zero: an equal split.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  checkAmount(total, 'total');
  if (weights.length === 0) return [];
  weights.forEach((weight) => checkAmount(weight, 'weight'));
  const effective = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights;
  const sumWeights = BigInt(sumOf(effective));
  const whole = BigInt(total);
  const parts = effective.map((weight) => (whole * BigInt(weight)) / sumWeights);
  const remainders = effective.map((weight, index) => ({ index, remainder: (whole * BigInt(weight)) % sumWeights }));
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/**
 * What the first `units` of `quantity` equal units of `total` add up to, with the largest
 * remainder split (the first units carry the extra minor unit). The value of units `from..to`
 * is `unitsUpTo(to) − unitsUpTo(from)`, so partial refunds of a line add up to its total exactly.
 */
export function unitsUpTo(total: number, quantity: number, units: number): number {
  checkAmount(total, 'total');
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`quantity must be positive: ${quantity}`);
  const counted = Math.min(Math.max(0, units), quantity);
  const base = Math.floor(total / quantity);
  const extra = total - base * quantity;
  return base * counted + Math.min(counted, extra);
}

/**
 * `percent` of `amount`, rounded half to even to the minor unit. Percentages keep two decimals
 * (12.5 %, 7.25 %): what a merchant writes, not a float's tail.
 */
export function percentOf(amount: number, percent: number): number {
  checkAmount(amount, 'amount');
  if (!Number.isFinite(percent) || percent < 0) throw new RangeError(`not a percentage: ${percent}`);
  const hundredths = BigInt(Math.round(percent * 100));
  return Number(divideHalfEven(BigInt(amount) * hundredths, 10_000n));
}

/** The amount of `thresholds` in `currency`, when there is one: per-currency settings. */
export function inCurrency(thresholds: readonly Money[] | undefined, currency: string): Money | undefined {
  return thresholds?.find((threshold) => threshold.currency === currency);
}

/** `12.345 KWD`, `1500 JPY`, `19.99 USD`: the decimals of the currency, for explanations. */
export function formatMoney({ amount, currency }: Money): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${amount < 0 ? '-' : ''}${whole}${fraction} ${currency}`;
}
