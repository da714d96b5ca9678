import { describe, expect, it } from 'vitest';
import { availableUnits, orderAccount, shippingLeft, unitsValue, type LineAccount } from '../../../shared/refunds/allocation.ts';
import { line, order, storefrontRefund, usd } from './fixtures.ts';

// L1 tax-exclusive (2 × 50.00 + 5.00 tax each), L2 tax-inclusive (120.00 holding 20.00 tax),
// L3 three units of 10.00 with 1.00 off the line; shipping 10.00 + 2.00 tax.
const lines = [line('L1', 2, 5000, { tax: 1000 }), line('L2', 1, 12000, { tax: 2000, taxIncluded: true }), line('L3', 3, 1000, { discount: 100 })];
const theOrder = order(lines, { shipping: 1000, shippingTax: 200 });
const get = (account: ReturnType<typeof orderAccount>, lineId: string): LineAccount => {
  const found = account.lines.get(lineId);
  if (!found) throw new Error(`no ${lineId}`);
  return found;
};

describe('orderAccount', () => {
  it('charges each line its total plus tax, whatever the tax mode, and tells the mode', () => {
    const account = orderAccount(theOrder);
    expect(get(account, 'L1')).toMatchObject({ net: 10000, tax: 1000, charged: 11000, taxIncludedInPrice: false });
    expect(get(account, 'L2')).toMatchObject({ net: 10000, tax: 2000, charged: 12000, taxIncludedInPrice: true });
    expect(get(account, 'L3')).toMatchObject({ net: 2900, discount: 100, tax: 0, charged: 2900 });
    expect(get(account, 'L3').taxIncludedInPrice).toBeUndefined();
  });

  it('shares shipping and its tax among the lines that ship, by what they cost, exactly', () => {
    const account = orderAccount(theOrder);
    expect(account.shipping).toEqual({ charged: 1200, tax: 200, settled: 0 });
    expect(['L1', 'L2', 'L3'].map((id) => get(account, id).shipping)).toEqual([510, 556, 134]);
    expect(account.paid).toBe(theOrder.totals.total.amount);
    expect(account.paid).toBe(11000 + 12000 + 2900 + 1200);
  });

  it('gives no shipping share to a line that does not ship', () => {
    const account = orderAccount(order([line('A', 1, 4000), line('GIFT', 1, 1000, { requiresShipping: false })], { shipping: 500 }));
    expect(get(account, 'A').shipping).toBe(500);
    expect(get(account, 'GIFT').shipping).toBe(0);
  });

  it('counts storefront refunds and earlier credits once, an echoed refund of ours not twice', () => {
    const refunded = order(lines, { shipping: 1000, shippingTax: 200, refunds: [storefrontRefund('r1', [['L1', 1, 5500]], { shipping: 300 })] });
    const account = orderAccount(
      refunded,
      { paid: usd(27100), refunded: usd(3000), credited: usd(967) },
      [
        { lines: [{ lineId: 'L3', quantity: 1, amount: usd(967) }] }, // store credit
        { platformRefundId: 'r1', lines: [{ lineId: 'L1', quantity: 1, amount: usd(5500) }] }, // our refund, echoed as r1
      ],
    );
    expect(get(account, 'L1')).toMatchObject({ settledQuantity: 1, settledAmount: 5500 });
    expect(get(account, 'L3')).toMatchObject({ settledQuantity: 1, settledAmount: 967 });
    expect(account.shipping.settled).toBe(300);
    expect(shippingLeft(account)).toBe(900);
    // Refunded: the storefront knows more than the ledger here; the larger counts.
    expect(account).toMatchObject({ paid: 27100, refunded: 5800, credited: 967, remaining: 27100 - 5800 - 967 });
  });

  it('has nothing paid before the payment is captured, and refuses a ledger in another currency', () => {
    expect(orderAccount(order(lines, { financialStatus: 'authorized' })).paid).toBe(0);
    expect(() => orderAccount(theOrder, { paid: { amount: 1, currency: 'EUR' }, refunded: usd(0), credited: usd(0) })).toThrow(/EUR/);
  });
});

describe('unitsValue', () => {
  it('values the next units not given back, the discount and tax spread over units', () => {
    const account = orderAccount(theOrder);
    expect(unitsValue(get(account, 'L1'), 1)).toEqual({ quantity: 1, net: 5000, tax: 500, discount: 0, value: 5500, shipping: 255 });
    expect(unitsValue(get(account, 'L3'), 1)).toMatchObject({ quantity: 1, net: 967, discount: 34, value: 967, shipping: 45 });
    expect(unitsValue(get(account, 'L3'), 5)).toMatchObject({ quantity: 3, value: 2900, discount: 100, shipping: 134 });
  });

  it('adds up, over several partial refunds of a line, to what was paid for it and never more', () => {
    let refunds: ReturnType<typeof storefrontRefund>[] = [];
    const values: number[] = [];
    for (const [index] of [0, 1, 2].entries()) {
      const account = orderAccount(order(lines, { shipping: 1000, shippingTax: 200, refunds }));
      const next = unitsValue(get(account, 'L3'), 1);
      values.push(next.value);
      refunds = [...refunds, storefrontRefund(`r${index}`, [['L3', 1, next.value]])];
    }
    expect(values).toEqual([967, 967, 966]);
    expect(values.reduce((a, b) => a + b, 0)).toBe(2900);
    const done = get(orderAccount(order(lines, { refunds })), 'L3');
    expect(availableUnits(done)).toBe(0);
    expect(unitsValue(done, 1)).toMatchObject({ quantity: 0, value: 0 });
  });

  it('caps units at what the line has left when the storefront refunded more per unit', () => {
    const refunds = [storefrontRefund('r1', [['L3', 2, 2800]])];
    const account = orderAccount(order(lines, { refunds }));
    expect(unitsValue(get(account, 'L3'), 1).value).toBe(100);
  });

  it('splits zero-decimal and three-decimal currencies in whole minor units', () => {
    const yen = orderAccount(order([line('J', 3, 3334, { currency: 'JPY', discount: 2, tax: 1000, taxIncluded: true })], { currency: 'JPY' }));
    const jLine = get(yen, 'J');
    expect(jLine).toMatchObject({ charged: 10000, tax: 1000, taxIncludedInPrice: true });
    expect([1, 1, 1].map((_, index) => unitsValue({ ...jLine, settledQuantity: index, settledAmount: 0 }, 1).value)).toEqual([3334, 3333, 3333]);

    const dinar = orderAccount(order([line('K', 3, 1250, { currency: 'KWD', discount: 100 })], { currency: 'KWD', shipping: 1001 }));
    const kLine = get(dinar, 'K');
    expect(kLine.charged).toBe(3650);
    expect(unitsValue(kLine, 1)).toMatchObject({ value: 1217, discount: 34, shipping: 334 });
    expect(unitsValue(kLine, 3)).toMatchObject({ value: 3650, shipping: 1001 });
  });
});
