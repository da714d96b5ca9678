// What each line of an order cost the customer, unit by unit, and what of it may still go back.
//
// The normalized order keeps `total` (after discounts, before tax) and `tax` per line whatever the
// storefront's tax mode: with tax-inclusive prices the unit price already holds the tax and the
// storefront took it out of `total`; with tax-exclusive prices it was added on top. Either way the
// customer paid `total + tax` for the line, which is what we split into units. Shipping (and its
// tax: the order's tax not on any line) is shared among the lines that ship, by what they cost.
//
// Units are valued in order: the first units of a line carry the extra minor unit of an uneven
// split, and units already refunded are the first ones. So the refunds of a line, however many,
// add up to what was paid for it and never more.
import type { NormalizedOrder, NormalizedOrderLine } from '../storefronts/normalized.ts';
import type { EarlierSettlement, LedgerTotals } from './claim.ts';
import { allocate, sumOf, unitsUpTo } from './money.ts';

export interface LineAccount {
  lineId: string;
  quantity: number;
  requiresShipping: boolean;
  /** After discounts, before tax; the discount; the tax: all of the line's units. */
  net: number;
  discount: number;
  tax: number;
  /** What the customer paid for all units: net + tax. */
  charged: number;
  /** Whether the listed unit price held the tax (undefined when the line has no tax to tell). */
  taxIncludedInPrice?: boolean;
  /** This line's share of shipping charged, tax included. */
  shipping: number;
  /** Units and money already refunded or credited on this line. */
  settledQuantity: number;
  settledAmount: number;
}

export interface OrderAccount {
  currency: string;
  lines: Map<string, LineAccount>;
  shipping: { charged: number; tax: number; settled: number };
  paid: number;
  refunded: number;
  credited: number;
  /** paid − refunded − credited, never below zero. */
  remaining: number;
}

/** The value of some units of a line: goods (net + tax) and their share of shipping. */
export interface UnitsValue {
  quantity: number;
  net: number;
  tax: number;
  discount: number;
  /** net + tax, capped at what was paid for the line and not yet given back. */
  value: number;
  shipping: number;
}

const captured: ReadonlySet<NormalizedOrder['financialStatus']> = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);

function taxMode(line: NormalizedOrderLine): boolean | undefined {
  const tax = line.tax?.amount ?? 0;
  if (tax === 0) return undefined;
  const listed = line.unitPrice.amount * line.quantity - (line.discount?.amount ?? 0);
  // Within a minor unit per unit: storefronts round the unit price of an unevenly split line.
  const near = (a: number, b: number) => Math.abs(a - b) <= line.quantity;
  if (near(listed, line.total.amount + tax)) return true;
  if (near(listed, line.total.amount)) return false;
  return undefined;
}

/**
 * The order's lines and money. Refunded: the larger of the ledger's and the storefront's (a ledger
 * that has not seen a storefront refund yet must not let its money go out twice).
 */
export function orderAccount(order: NormalizedOrder, ledger?: LedgerTotals, earlier: readonly EarlierSettlement[] = []): OrderAccount {
  const { currency } = order;
  for (const amount of ledger ? [ledger.paid, ledger.refunded, ledger.credited] : []) {
    if (amount.currency !== currency) throw new RangeError(`ledger in ${amount.currency}, order in ${currency}`);
  }
  const echoed = new Set(order.refunds.map((refund) => refund.refundId));
  const settlements = [
    ...order.refunds.map((refund) => ({ lines: refund.lines, shipping: refund.shipping })),
    ...earlier.filter((settlement) => !settlement.platformRefundId || !echoed.has(settlement.platformRefundId)),
  ];

  const lineTax = sumOf(order.lines.map((line) => line.tax?.amount ?? 0));
  const shippingTax = Math.max(0, order.totals.tax.amount - lineTax);
  const shippingCharged = order.totals.shipping.amount + shippingTax;
  const charged = order.lines.map((line) => line.total.amount + (line.tax?.amount ?? 0));
  const shippingShares = allocate(
    shippingCharged,
    order.lines.map((line, index) => (line.requiresShipping ? (charged[index] ?? 0) : 0)),
  );

  const lines = new Map<string, LineAccount>();
  order.lines.forEach((line, index) => {
    const settled = settlements.flatMap((settlement) => settlement.lines.filter((item) => item.lineId === line.lineId));
    const mode = taxMode(line);
    lines.set(line.lineId, {
      lineId: line.lineId,
      quantity: line.quantity,
      requiresShipping: line.requiresShipping,
      net: line.total.amount,
      discount: line.discount?.amount ?? 0,
      tax: line.tax?.amount ?? 0,
      charged: charged[index] ?? 0,
      ...(mode === undefined ? {} : { taxIncludedInPrice: mode }),
      shipping: line.requiresShipping ? (shippingShares[index] ?? 0) : 0,
      settledQuantity: Math.min(line.quantity, sumOf(settled.map((item) => item.quantity))),
      settledAmount: sumOf(settled.map((item) => item.amount.amount)),
    });
  });

  const storefrontRefunded = sumOf(order.refunds.map((refund) => refund.amount.amount));
  const paid = ledger ? ledger.paid.amount : captured.has(order.financialStatus) ? order.totals.total.amount : 0;
  const refunded = Math.max(ledger?.refunded.amount ?? 0, storefrontRefunded);
  const credited = ledger?.credited.amount ?? 0;
  return {
    currency,
    lines,
    shipping: { charged: shippingCharged, tax: shippingTax, settled: sumOf(settlements.map((settlement) => settlement.shipping?.amount ?? 0)) },
    paid,
    refunded,
    credited,
    remaining: Math.max(0, paid - refunded - credited),
  };
}

/** Units of the line not refunded or credited yet. */
export function availableUnits(line: LineAccount): number {
  return line.quantity - line.settledQuantity;
}

/**
 * The next `quantity` units of the line not yet given back: their net, tax and discount shares,
 * their value (capped at what was paid for the line less what went back), and their shipping share.
 */
export function unitsValue(line: LineAccount, quantity: number): UnitsValue {
  const from = line.settledQuantity;
  const to = Math.min(line.quantity, from + Math.max(0, quantity));
  const share = (total: number) => unitsUpTo(total, line.quantity, to) - unitsUpTo(total, line.quantity, from);
  const net = share(line.net);
  const tax = share(line.tax);
  const value = Math.min(net + tax, Math.max(0, line.charged - line.settledAmount));
  return { quantity: to - from, net, tax, discount: share(line.discount), value, shipping: share(line.shipping) };
}

/** The shipping still refundable on the order. */
export function shippingLeft(account: OrderAccount): number {
  return Math.max(0, account.shipping.charged - account.shipping.settled);
}
