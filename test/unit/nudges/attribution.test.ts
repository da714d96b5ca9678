// Attribution: last touch within the window, refunds and cancellations, and results grouped by
// campaign, product and tier.
import { describe, expect, it } from 'vitest';
import { attributedNudge, attributeOrders, campaignResults } from '../../../shared/nudges/attribution.ts';
import { customer, nudge, order } from './fixtures.ts';

const first = nudge('n1', '2024-06-01T10:00:00Z', { productId: 'coffee', tierId: 'gold' });
const second = nudge('n2', '2024-06-03T10:00:00Z', { kind: 'winback', campaignId: 'winback', tierId: null });

describe('attributedNudge', () => {
  it('give the order to the latest nudge sent before it', () => {
    expect(attributedNudge(order('o1', '2024-06-04T00:00:00Z'), [first, second], 7)?.nudgeId).toBe('n2');
    expect(attributedNudge(order('o1', '2024-06-02T00:00:00Z'), [first, second], 7)?.nudgeId).toBe('n1');
  });
  it('count the window to the millisecond: at most windowDays after, strictly after the nudge', () => {
    expect(attributedNudge(order('o1', '2024-06-08T10:00:00Z'), [first], 7)?.nudgeId).toBe('n1');
    expect(attributedNudge(order('o1', '2024-06-08T10:00:00.001Z'), [first], 7)).toBeUndefined();
    expect(attributedNudge(order('o1', '2024-06-01T10:00:00Z'), [first], 7)).toBeUndefined();
  });
  it('give it to the latest even when an earlier nudge is also within its window', () => {
    // An order on 06-06 is 5 days after n1 and 3 days after n2: one nudge only, the latest.
    expect(attributedNudge(order('o1', '2024-06-06T00:00:00Z'), [first, second], 7)?.nudgeId).toBe('n2');
  });
  it('not attribute a cancelled or wholly refunded order', () => {
    expect(attributedNudge(order('o1', '2024-06-02T00:00:00Z', { cancelled: true }), [first], 7)).toBeUndefined();
    expect(attributedNudge(order('o1', '2024-06-02T00:00:00Z', { refunded: 5000 }), [first], 7)).toBeUndefined();
  });
});

describe('attributeOrders', () => {
  it('list every nudge, converted or not, with its orders', () => {
    const state = { orders: [order('o1', '2024-06-04T00:00:00Z'), order('o2', '2024-06-05T00:00:00Z'), order('o0', '2024-05-01T00:00:00Z')], nudgesSent: [first, second] };
    expect(attributeOrders(state, 7).map((row) => [row.nudge.nudgeId, row.orders.map((o) => o.id)])).toEqual([
      ['n1', []],
      ['n2', ['o1', 'o2']],
    ]);
  });
});

describe('campaignResults', () => {
  const ada = customer({ orders: [order('o1', '2024-06-02T00:00:00Z', { total: 4000, refunded: 1000 })], nudgesSent: [first] });
  const bob = customer({ customer: { id: 'cus-2', email: 'bob@example.com', locale: 'en' }, orders: [order('o2', '2024-06-05T00:00:00Z', { total: 9000, currency: 'EUR' }), order('o3', '2024-06-06T00:00:00Z', { total: 1000, currency: 'EUR' })], nudgesSent: [second] });
  const cy = customer({ customer: { id: 'cus-3', email: 'cy@example.com', locale: 'en' }, nudgesSent: [nudge('n3', '2024-06-04T00:00:00Z', { productId: 'coffee', tierId: 'gold' }), nudge('n4', '2024-07-01T00:00:00Z')] });
  const results = campaignResults([ada, bob, cy], { from: new Date('2024-06-01T00:00:00Z'), to: new Date('2024-07-01T00:00:00Z') }, 7);

  it('total conversion and net revenue per currency over the nudges sent in the period', () => {
    expect(results.totals).toEqual({ key: 'all', sent: 3, converted: 2, conversionRate: 2 / 3, orders: 3, revenue: [{ amount: 10000, currency: 'EUR' }, { amount: 3000, currency: 'USD' }] });
    expect(results).toMatchObject({ from: '2024-06-01T00:00:00.000Z', to: '2024-07-01T00:00:00.000Z', windowDays: 7 });
  });
  it('group by campaign, product and tier (`none` without one)', () => {
    expect(results.byCampaign.map((row) => [row.key, row.sent, row.converted])).toEqual([['replenishment', 2, 1], ['winback', 1, 1]]);
    expect(results.byProduct.map((row) => [row.key, row.sent, row.converted, row.revenue])).toEqual([
      ['coffee', 2, 1, [{ amount: 3000, currency: 'USD' }]],
      ['none', 1, 1, [{ amount: 10000, currency: 'EUR' }]],
    ]);
    expect(results.byTier.map((row) => [row.key, row.sent, row.conversionRate])).toEqual([['gold', 2, 0.5], ['none', 1, 1]]);
  });
  it('be empty, with zero rates, when nothing was sent', () => {
    const empty = campaignResults([], { from: new Date('2024-06-01T00:00:00Z'), to: new Date('2024-07-01T00:00:00Z') }, 7);
    expect(empty.totals).toEqual({ key: 'all', sent: 0, converted: 0, conversionRate: 0, orders: 0, revenue: [] });
    expect(empty.byCampaign).toEqual([]);
  });
});
