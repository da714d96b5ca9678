// The synthetic store day: the same seed gives the same day, the proportions the issue asks for
// hold within tolerance, deliveries come in time order with every order's events in causal order,
// and the day is one the platform accepts (payload totals add up, returns only after delivery).
import { describe, expect, it } from 'vitest';
import { generateStoreDay, nextMondayUtc, prng, rates, type StoreDay } from '../../../bench/store-day/generator.ts';
import { ordersFromArgv } from '../../../bench/suites/store-day.ts';

const startAfter = Date.parse('2026-12-03T07:00:00Z');
const day = (orders: number, seed = 7): StoreDay => generateStoreDay({ orders, seed, startAfter, runTag: 't', orderIdBase: 5_000_000 });
const big = day(10_000);
const share = (predicate: (order: StoreDay['orders'][number]) => boolean, among = big.orders) => among.filter(predicate).length / among.length;

describe('the store day generator', () => {
  it('gives the same day for the same seed, and another for another seed', () => {
    expect(JSON.stringify(day(300))).toBe(JSON.stringify(day(300)));
    expect(JSON.stringify(day(300, 8))).not.toBe(JSON.stringify(day(300)));
  });

  it('makes N orders with unique ids and order numbers, starting on the next Monday', () => {
    expect(big.orders).toHaveLength(10_000);
    expect(new Set(big.orders.map((order) => order.orderId)).size).toBe(10_000);
    expect(new Set(big.orders.map((order) => order.orderNumber)).size).toBe(10_000);
    expect(new Date(big.start).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextMondayUtc(Date.parse('2026-12-07T00:00:00Z'))).toBe(Date.parse('2026-12-14T00:00:00Z'));
  });

  it('keeps the proportions of the issue within tolerance', () => {
    expect(share((order) => order.lines > 1)).toBeGreaterThan(0.3);
    expect(share((order) => order.fulfilments > 1)).toBeGreaterThan(0.05);
    const delayed = share((order) => order.fate !== 'delivered');
    expect(delayed).toBeGreaterThan(0.04);
    expect(delayed).toBeLessThan(0.06);
    const returns = share((order) => order.returnCase !== undefined);
    expect(returns).toBeGreaterThan(0.085);
    expect(returns).toBeLessThan(0.115);
    const withReturn = big.orders.filter((order) => order.returnCase);
    expect(share((order) => order.returnCase!.resolution === 'exchange', withReturn)).toBeGreaterThan(0.1);
    expect(share((order) => order.storefrontRefund !== undefined)).toBeGreaterThan(0.02);
    expect(share((order) => order.reorder)).toBeGreaterThan(rates.reorder * 0.8);
    expect(share((order) => order.reorder)).toBeLessThan(rates.reorder * 1.2);
  });

  it('emits deliveries in time order, each order created first and asked to return only after delivery', () => {
    const times = big.deliveries.map((delivery) => delivery.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const seen = new Map<string, string[]>();
    for (const delivery of big.deliveries) {
      const label = delivery.kind === 'webhook' ? `${delivery.topic}:${String((delivery.payload as { shipment_status?: string }).shipment_status ?? '')}` : delivery.kind;
      seen.set(delivery.orderId, [...(seen.get(delivery.orderId) ?? []), label]);
    }
    for (const [orderId, labels] of seen) {
      expect(labels[0], orderId).toBe('orders/create:');
      const request = labels.indexOf('return_request');
      if (request >= 0) {
        expect(labels.slice(0, request), orderId).toContain('fulfillments/update:delivered');
        expect(labels[request + 1], orderId).toBe('return_shipment');
      }
    }
    expect(big.horizon).toBeGreaterThan(times.at(-1)!);
  });

  it('builds orders whose totals add up, and expects the messages of each fate', () => {
    const created = big.deliveries.find((delivery) => delivery.kind === 'webhook' && delivery.topic === 'orders/create')!;
    const order = (created as { payload: any }).payload;
    const cents = (value: string) => Math.round(Number(value) * 100);
    const lines = order.line_items.reduce((sum: number, line: any) => sum + cents(line.price) * line.quantity, 0);
    expect(cents(order.subtotal_price)).toBe(lines);
    expect(cents(order.total_price)).toBe(cents(order.subtotal_price) + cents(order.total_tax) + 1000);
    for (const expected of big.orders) {
      if (expected.fate !== 'delivered') expect(expected.messages).toEqual(['delay_apology']);
      if (expected.returnCase) expect(expected.messages).toEqual(['return_received', 'return_approved']);
    }
  });

  it('draws numbers in [0, 1) from the seeded generator', () => {
    const draw = prng(3);
    const values = Array.from({ length: 1000 }, draw);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });

  it('reads the day size from --orders N or --orders=N', () => {
    expect(ordersFromArgv(['store-day', '--orders', '500'])).toBe(500);
    expect(ordersFromArgv(['--orders=20'])).toBe(20);
    expect(ordersFromArgv(['store-day'])).toBeUndefined();
    expect(() => ordersFromArgv(['--orders', 'many'])).toThrow(/--orders/);
  });
});
