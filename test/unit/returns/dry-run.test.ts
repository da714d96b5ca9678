import { describe, expect, it } from 'vitest';
import { dryRun } from '../../../shared/returns/dry-run.ts';
import { ReturnPolicy, type ReturnPolicyInput } from '../../../shared/returns/policy.ts';
import { NormalizedOrder } from '../../../shared/storefronts/normalized.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Order `id` with lines (id, tags), all delivered on `deliveredAt`. */
function order(id: string, deliveredAt: string, lines: Array<[string, string[]]>): NormalizedOrder {
  return NormalizedOrder.parse({
    shopId: 'acme',
    platform: 'shopify',
    orderId: id,
    orderNumber: `#${id}`,
    createdAt: '2024-04-01T09:00:00Z',
    sourceUpdatedAt: deliveredAt,
    currency: 'USD',
    customer: {},
    lines: lines.map(([lineId, productTags]) => ({ lineId, productId: `p-${lineId}`, title: lineId, quantity: 1, unitPrice: usd(4000), total: usd(4000), requiresShipping: true, productTags })),
    totals: { subtotal: usd(4000), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(4000) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    fulfillments: [
      {
        shopId: 'acme',
        fulfillmentId: `f-${id}`,
        orderId: id,
        status: 'success',
        trackingNumbers: [],
        trackingUrls: [],
        lines: lines.map(([lineId]) => ({ lineId, quantity: 1 })),
        createdAt: '2024-04-02T09:00:00Z',
        sourceUpdatedAt: deliveredAt,
        deliveredAt,
      },
    ],
  });
}

const base: ReturnPolicyInput = {
  version: 1,
  windowDays: 30,
  reasons: [
    { code: 'damaged', resolutions: ['refund', 'exchange'], shippingPaidBy: 'merchant' },
    { code: 'too_small', resolutions: ['exchange'], shippingPaidBy: 'customer' },
  ],
};
const current = ReturnPolicy.parse(base);
const now = new Date('2024-05-20T12:00:00Z');
const orders = [
  { order: order('A', '2024-04-15T12:00:00Z', [['A1', []], ['A2', ['swimwear']]]) }, // window ends May 15th: expired under 30 days
  { order: order('B', '2024-05-10T12:00:00Z', [['B1', []], ['B2', ['swimwear']]]) },
];

describe('dryRun', () => {
  it('reports nothing when the draft decides like the current policy', () => {
    const result = dryRun({ current, draft: ReturnPolicy.parse({ ...base, version: 2 }), orders, now });
    expect(result).toMatchObject({ currentVersion: 1, draftVersion: 2, changes: [], totals: { orders: 2, lines: 4, changed: 0, becomeReturnable: 0, becomeNotReturnable: 0 } });
  });

  it('lists lines that become returnable and lines that become excluded, with before and after', () => {
    const draft = ReturnPolicy.parse({ ...base, version: 2, windowDays: 45, exclusions: { tags: ['swimwear'] } });
    const result = dryRun({ current, draft, orders, now });
    expect(result.changes.map((c) => [c.lineItemId, c.changed])).toEqual([
      ['A1', ['returnable', 'maxQuantity', 'deadline', 'resolutions']],
      ['A2', ['deadline']], // excluded now, and already expired before
      ['B1', ['deadline']],
      ['B2', ['returnable', 'maxQuantity', 'deadline', 'resolutions']],
    ]);
    const a1 = result.changes[0]!;
    expect(a1.before).toMatchObject({ returnable: false, maxQuantity: 0, deadline: '2024-05-15T23:59:59Z', rules: ['window.expired'], resolutions: {} });
    expect(a1.after).toMatchObject({ returnable: true, maxQuantity: 1, deadline: '2024-05-30T23:59:59Z', rules: [], resolutions: { damaged: ['exchange', 'refund'], too_small: ['exchange'] } });
    expect(result.changes[3]?.after.rules).toEqual(['exclusion.tag']);
    expect(result.totals).toEqual({ orders: 2, lines: 4, changed: 4, becomeReturnable: 1, becomeNotReturnable: 1 });
  });

  it('reports changed resolutions only on returnable lines, ignoring their order', () => {
    const reordered = ReturnPolicy.parse({ ...base, version: 2, reasons: [base.reasons[1], { ...base.reasons[0]!, resolutions: ['exchange', 'refund'] }] });
    expect(dryRun({ current, draft: reordered, orders, now }).changes).toEqual([]);
    const fewer = ReturnPolicy.parse({ ...base, version: 2, reasons: [{ code: 'damaged', resolutions: ['refund', 'exchange', 'store_credit'], shippingPaidBy: 'merchant' }] });
    const result = dryRun({ current, draft: fewer, orders, now });
    expect(result.changes.map((c) => [c.lineItemId, c.changed])).toEqual([
      ['B1', ['resolutions']],
      ['B2', ['resolutions']],
    ]);
    expect(result.changes[0]?.after.resolutions).toEqual({ damaged: ['exchange', 'refund', 'store_credit'] });
    expect(result.totals).toMatchObject({ changed: 2, becomeReturnable: 0, becomeNotReturnable: 0 });
  });

  it('uses units already returned and the shop time zone', () => {
    const withReturns = [{ order: orders[1]!.order, alreadyReturned: { B1: 1 } }];
    const draft = ReturnPolicy.parse({ ...base, version: 2, windowDays: 10 });
    // Delivered May 10th 12:00 UTC; 10 days: last day May 20th, closed in Tokyo (already May 21st there) but not in UTC.
    expect(dryRun({ current, draft, orders: withReturns, now: new Date('2024-05-20T16:00:00Z'), timeZone: 'Asia/Tokyo' }).totals).toMatchObject({ becomeNotReturnable: 1, changed: 2 });
    expect(dryRun({ current, draft, orders: withReturns, now: new Date('2024-05-20T16:00:00Z') }).totals).toMatchObject({ becomeNotReturnable: 0, changed: 2 });
  });
});
