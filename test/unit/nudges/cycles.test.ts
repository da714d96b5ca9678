// Replenishment timing: the configured cycle by product or tag, the learned cycle (median of the
// customer's intervals, else the product's across customers), and the due date after delivery.
import { describe, expect, it } from 'vitest';
import { configuredCycle, customerProductIntervals, cycleFor, median, orderIntervalsDays, plannedReplenishments, productIntervalsDays } from '../../../shared/nudges/cycles.ts';
import { order, settingsWith } from './fixtures.ts';

const replenishment = (input: Parameters<typeof settingsWith>[0] = {}) => settingsWith(input).replenishment;

describe('median', () => {
  it('take the middle value of an odd count, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([7])).toBe(7);
  });
  it('take the mean of the two middle values of an even count', () => {
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([10, 11])).toBe(10.5);
  });
  it('is undefined without values', () => expect(median([])).toBeUndefined());
});

describe('orderIntervalsDays', () => {
  it('measure days between orders of the product, skipping other products, refunded and same-day orders', () => {
    const orders = [
      order('o1', '2024-01-01T10:00:00Z'),
      order('o2', '2024-01-01T18:00:00Z'), // same basket, split: not a new purchase
      order('o3', '2024-01-31T10:00:00Z'),
      order('o4', '2024-02-10T10:00:00Z', { products: ['tea'] }),
      order('o5', '2024-02-20T10:00:00Z', { refunded: 5000 }), // wholly refunded: not used up
      order('o6', '2024-03-11T10:00:00Z'),
    ];
    expect(orderIntervalsDays(orders, 'coffee')).toEqual([30, 40]);
  });
  it('pool every customer’s intervals for the product', () => {
    const a = [order('a1', '2024-01-01T00:00:00Z'), order('a2', '2024-01-21T00:00:00Z')];
    const b = [order('b1', '2024-01-01T00:00:00Z'), order('b2', '2024-02-01T00:00:00Z'), order('b3', '2024-03-01T00:00:00Z')];
    expect(productIntervalsDays([a, b], 'coffee')).toEqual([20, 31, 29]);
  });
});

describe('customerProductIntervals', () => {
  it('gives each product the customer’s own intervals, empty for one bought once', () => {
    const orders = [order('o1', '2024-01-01T10:00:00Z', { products: ['coffee', 'mug'] }), order('o2', '2024-01-31T10:00:00Z', { products: ['coffee'] })];
    expect(customerProductIntervals(orders, ['coffee', 'mug', 'coffee'])).toEqual(new Map([['coffee', [30]], ['mug', []]]));
  });
});

describe('configuredCycle', () => {
  const settings = replenishment({ replenishment: { cycles: [{ tag: 'consumable', days: 45 }, { tag: 'Coffee', days: 30 }, { productId: 'beans', days: 25 }] } });
  it('prefer the product’s own cycle to its tags', () => {
    expect(configuredCycle(settings, { productId: 'beans', tags: ['coffee'] })).toEqual({ days: 25, source: 'product' });
  });
  it('take the shortest cycle among the product’s tags, case-insensitively', () => {
    expect(configuredCycle(settings, { productId: 'ground', tags: ['consumable', 'coffee'] })).toEqual({ days: 30, source: 'tag', tag: 'Coffee' });
  });
  it('give nothing for a product without a cycle', () => expect(configuredCycle(settings, { productId: 'tent', tags: ['outdoor'] })).toBeUndefined());
});

describe('cycleFor (learned cycle)', () => {
  const settings = replenishment({ replenishment: { cycles: [{ productId: 'coffee', days: 30 }] } });
  const line = { productId: 'coffee', tags: [] };
  it('use the median of the customer’s own intervals from 3 orders (odd count of intervals rounds as is)', () => {
    const orders = [order('o1', '2024-01-01T00:00:00Z'), order('o2', '2024-01-21T00:00:00Z'), order('o3', '2024-02-12T00:00:00Z'), order('o4', '2024-03-01T00:00:00Z')];
    // intervals 20, 22, 18 → median 20
    expect(cycleFor(settings, line, { customerOrders: orders })).toEqual({ days: 20, source: 'customer_history', intervals: 3 });
  });
  it('round a half-day median of an even count up (late rather than early)', () => {
    const orders = [order('o1', '2024-01-01T00:00:00Z'), order('o2', '2024-01-21T00:00:00Z'), order('o3', '2024-02-11T00:00:00Z')];
    // intervals 20, 21 → 20.5 → 21
    expect(cycleFor(settings, line, { customerOrders: orders })).toEqual({ days: 21, source: 'customer_history', intervals: 2 });
  });
  it('fall back to the product’s pooled median when the customer has too little history', () => {
    const orders = [order('o1', '2024-01-01T00:00:00Z'), order('o2', '2024-01-21T00:00:00Z')];
    const pooled = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28];
    expect(cycleFor(settings, line, { customerOrders: orders, productIntervals: pooled })).toEqual({ days: 19, source: 'product_history', intervals: 10 });
  });
  it('use the configured cycle below both minimums, or when learning is off', () => {
    const orders = [order('o1', '2024-01-01T00:00:00Z'), order('o2', '2024-01-21T00:00:00Z'), order('o3', '2024-02-11T00:00:00Z')];
    expect(cycleFor(settings, line, { customerOrders: orders.slice(0, 2), productIntervals: [10, 12] })).toEqual({ days: 30, source: 'product' });
    const off = replenishment({ replenishment: { cycles: [{ productId: 'coffee', days: 30 }], learned: { enabled: false } } });
    expect(cycleFor(off, line, { customerOrders: orders })).toEqual({ days: 30, source: 'product' });
  });
  it('respect a higher minimum of customer orders', () => {
    const strict = replenishment({ replenishment: { cycles: [{ productId: 'coffee', days: 30 }], learned: { minCustomerOrders: 4 } } });
    const orders = [order('o1', '2024-01-01T00:00:00Z'), order('o2', '2024-01-21T00:00:00Z'), order('o3', '2024-02-11T00:00:00Z')];
    expect(cycleFor(strict, line, { customerOrders: orders })?.source).toBe('product');
  });
});

describe('plannedReplenishments', () => {
  const settings = replenishment({ replenishment: { cycles: [{ productId: 'coffee', days: 30 }, { tag: 'filters', days: 60 }] } });
  it('plan one nudge per product exactly cycle days after delivery', () => {
    const delivered = order('o1', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T14:30:00Z', products: ['coffee', 'coffee', 'paper'], tags: [] });
    const planned = plannedReplenishments(settings, delivered, { customerOrders: [delivered] });
    expect(planned).toEqual([{ orderId: 'o1', productId: 'coffee', title: 'coffee', dueAt: '2024-06-02T14:30:00.000Z', cycle: { days: 30, source: 'product' } }]);
  });
  it('plan tagged products by their tag’s cycle', () => {
    const delivered = order('o1', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T00:00:00Z', products: ['paper'], tags: ['filters'] });
    expect(plannedReplenishments(settings, delivered, { customerOrders: [delivered] })[0]!.dueAt).toBe('2024-07-02T00:00:00.000Z');
  });
  it('plan nothing before delivery, for a cancelled or wholly refunded order, or with the campaign off', () => {
    const undelivered = order('o1', '2024-05-01T09:00:00Z');
    expect(plannedReplenishments(settings, undelivered, { customerOrders: [undelivered] })).toEqual([]);
    for (const dead of [order('o2', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T00:00:00Z', cancelled: true }), order('o3', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T00:00:00Z', refunded: 5000 })]) {
      expect(plannedReplenishments(settings, dead, { customerOrders: [dead] })).toEqual([]);
    }
    const off = replenishment({ replenishment: { enabled: false, cycles: [{ productId: 'coffee', days: 30 }] } });
    const delivered = order('o4', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T00:00:00Z' });
    expect(plannedReplenishments(off, delivered, { customerOrders: [delivered] })).toEqual([]);
  });
  it('use the product’s pooled history when given', () => {
    const delivered = order('o1', '2024-05-01T09:00:00Z', { deliveredAt: '2024-05-03T00:00:00Z' });
    const planned = plannedReplenishments(settings, delivered, { customerOrders: [delivered], productIntervals: () => Array(10).fill(14) });
    expect(planned[0]).toMatchObject({ dueAt: '2024-05-17T00:00:00.000Z', cycle: { days: 14, source: 'product_history' } });
  });
});
