// Money edge cases: zero- and three-decimal currencies, several partial refunds on one order,
// line discounts, tax-inclusive and tax-exclusive prices.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/refunds/decision.ts';
import { decideRefund } from '../../../shared/refunds/engine.ts';
import { amountIn, input, line, order, returnClaim, rules, storefrontRefund, usd } from './fixtures.ts';

const yen = amountIn('JPY');
const dinar = amountIn('KWD');
const detailOf = (decision: Decision, rule: string) => decision.reasons.find((outcome) => outcome.rule === rule)?.detail;

describe('decideRefund: currencies', () => {
  it('works in whole yen: fees and bonuses round to the yen', () => {
    // 2 × ¥3,333 tax included (¥303 tax each).
    const theOrder = order([line('J', 2, 3333, { currency: 'JPY', tax: 606, taxIncluded: true })], { currency: 'JPY', shipping: 500 });
    const decision = decideRefund(input(returnClaim([['J', 1, 'changed_mind', 'as_new']]), theOrder, { rules: rules({ restockingFeePercent: { changed_mind: 15 } }) }));
    // 15 % of 3333 is 499.95: ¥500 off.
    expect(decision).toMatchObject({ kind: 'partial_refund', amount: yen(2833), deductions: [{ code: 'restocking_fee', amount: yen(500) }], lines: [{ value: yen(3333), tax: yen(303) }] });
    expect(decision.options.find((option) => option.kind === 'store_credit')).toMatchObject({ amount: yen(3333 + 333), bonus: yen(333) });
    expect(detailOf(decision, 'restocking_fee')).toContain('500 JPY');
  });

  it('works in fils: three decimals, half-even rounding on the fils', () => {
    // 3 × 1.250 KWD with 0.100 off the line: 3.650 KWD, 1.217 / 1.217 / 1.216 a unit.
    const theOrder = order([line('K', 3, 1250, { currency: 'KWD', discount: 100 })], { currency: 'KWD', shipping: 1001 });
    const decision = decideRefund(input(returnClaim([['K', 1, 'changed_mind', 'damaged']]), theOrder));
    // 30 % of 1.217 is 0.3651: 0.365 off.
    expect(decision).toMatchObject({ kind: 'partial_refund', amount: dinar(852), deductions: [{ code: 'damaged_goods', amount: dinar(365) }] });
    expect(detailOf(decision, 'damaged_deduction')).toBe('Came back damaged: 30 % off (0.365 KWD)');
    const lost = decideRefund(input({ kind: 'not_delivered' }, theOrder, { rules: rules({ options: { ranking: ['refund'] } }) }));
    expect(lost).toMatchObject({ kind: 'full_refund', amount: dinar(3650 + 1001) });
  });
});

describe('decideRefund: several partial refunds on one order', () => {
  it('never gives back more than was paid for a line, however the refunds come', () => {
    // Three units of 10.00 with 1.00 off the line (9.67, 9.67, 9.66), returned one at a time.
    const lines = [line('L', 3, 1000, { discount: 100 }), line('M', 1, 2000)];
    const fee = rules({ restockingFeePercent: { changed_mind: 10 } });
    let refunds: ReturnType<typeof storefrontRefund>[] = [];
    const amounts: number[] = [];
    const reasons: Array<Decision['lines'][number]['reason']> = ['changed_mind', 'too_small', 'too_small'];
    for (const [index, why] of reasons.entries()) {
      const decision = decideRefund(input(returnClaim([['L', 1, why ?? 'other', 'as_new']]), order(lines, { refunds }), { rules: fee }));
      expect(decision.kind).toMatch(/refund$/);
      const amount = decision.amount?.amount ?? 0;
      amounts.push(amount);
      refunds = [...refunds, storefrontRefund(`r${index}`, [['L', 1, amount]])];
    }
    // The first unit lost its 10 % fee (0.97); the last is worth its own value, not the fee back.
    expect(amounts).toEqual([967 - 97, 967, 966]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2900);

    const again = decideRefund(input(returnClaim([['L', 1, 'too_small', 'as_new']]), order(lines, { refunds })));
    expect(again).toMatchObject({ kind: 'manual_review', lines: [] });
    // The other line is untouched.
    const other = decideRefund(input(returnClaim([['M', 1, 'too_small', 'as_new']]), order(lines, { refunds })));
    expect(other).toMatchObject({ kind: 'full_refund', amount: usd(2000) });
  });

  it('counts store credit given earlier on the line and against the order', () => {
    const lines = [line('L', 2, 5000)];
    const earlier = [{ lines: [{ lineId: 'L', quantity: 1, amount: usd(5000) }] }];
    const ledger = { paid: usd(10000), refunded: usd(0), credited: usd(5000) };
    const decision = decideRefund(input(returnClaim([['L', 2, 'too_small', 'as_new']]), order(lines), { earlier, ledger }));
    expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(5000), lines: [{ quantity: 1 }] });
  });
});

describe('decideRefund: discounts and tax', () => {
  it('refunds what a discounted unit cost, not its list price', () => {
    const decision = decideRefund(input(returnClaim([['L', 1, 'too_small', 'as_new']]), order([line('L', 3, 1000, { discount: 100 })])));
    expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(967) });
  });

  it('refunds the price paid, tax included, whether the shop’s prices included tax or added it', () => {
    const included = order([line('L', 2, 12000, { tax: 4000, taxIncluded: true })], { currency: 'USD' });
    const added = order([line('L', 2, 10000, { tax: 4000 })]);
    for (const theOrder of [included, added]) {
      const decision = decideRefund(input(returnClaim([['L', 1, 'too_small', 'as_new']]), theOrder));
      expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(12000), lines: [{ value: usd(12000), tax: usd(2000) }] });
    }
  });

  it('refunds shipping tax with the shipping share', () => {
    const theOrder = order([line('L', 1, 10000, { tax: 2000 })], { shipping: 1000, shippingTax: 200 });
    const decision = decideRefund(input(returnClaim([['L', 1, 'defective', 'defective']]), theOrder));
    expect(decision).toMatchObject({ kind: 'full_refund', amount: usd(12000 + 1200), lines: [{ shipping: usd(1200) }] });
  });
});
