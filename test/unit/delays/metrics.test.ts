import { describe, expect, it } from 'vitest';
import { delayFactsOf, delayMetrics, openDelayDigest, percentile, type DelayFact } from '../../../shared/delays/metrics.ts';
import type { DelayWatch } from '../../../shared/delays/watch.ts';

const at = (hours: number) => new Date(Date.UTC(2024, 4, 10, 0, 0, 0) + hours * 3_600_000).toISOString();
const fact = (orderId: string, more: Partial<DelayFact> = {}): DelayFact => ({ orderId, delayId: `d-${orderId}-${more.reason ?? 'delivery_overdue'}`, reason: 'delivery_overdue', detectedAt: at(0), ...more });

describe('delayMetrics', () => {
  const delays: DelayFact[] = [
    // Told 30 minutes after detection, never contacted us.
    fact('o1', { carrier: 'ups', destinationCountry: 'FR', notifiedAt: at(0.5) }),
    // A second delay of the same order: counted once.
    fact('o1', { reason: 'customs_hold', carrier: 'ups', destinationCountry: 'FR', detectedAt: at(5) }),
    // Told after 2 hours, but the customer wrote first.
    fact('o2', { carrier: 'ups', destinationCountry: 'US', notifiedAt: at(2), firstCustomerContactAt: at(1) }),
    // Told after 10 hours, before contacting us.
    fact('o3', { carrier: 'dhl_express', destinationCountry: 'US', notifiedAt: at(10), firstCustomerContactAt: at(12) }),
    // Never told.
    fact('o4', { reason: 'not_shipped_in_time' }),
  ];
  const shipped = { byCarrier: { ups: 20, dhl_express: 4, colissimo: 10 }, byDestination: { FR: 25, US: 9 } };

  it('counts orders once, the share told first and the time to notification', () => {
    const metrics = delayMetrics(delays, shipped);
    expect(metrics.delayedOrders).toBe(4);
    expect(metrics.toldFirst).toEqual({ orders: 2, share: 0.5 });
    expect(metrics.notifiedOrders).toBe(3);
    expect(metrics.detectionToNotificationMinutes).toEqual({ count: 3, p50: 120, p90: 600 });
    expect(metrics.byReason).toEqual([
      { reason: 'delivery_overdue', orders: 3 },
      { reason: 'customs_hold', orders: 1 },
      { reason: 'not_shipped_in_time', orders: 1 },
    ]);
  });

  it('gives the delay rate by carrier and by destination, highest first', () => {
    const metrics = delayMetrics(delays, shipped);
    expect(metrics.byCarrier).toEqual([
      { key: 'dhl_express', shippedOrders: 4, delayedOrders: 1, rate: 0.25 },
      { key: 'ups', shippedOrders: 20, delayedOrders: 2, rate: 0.1 },
      { key: 'colissimo', shippedOrders: 10, delayedOrders: 0, rate: 0 },
      { key: 'unknown', shippedOrders: 0, delayedOrders: 1, rate: null },
    ]);
    expect(metrics.byDestination).toEqual([
      { key: 'US', shippedOrders: 9, delayedOrders: 2, rate: 0.2222 },
      { key: 'FR', shippedOrders: 25, delayedOrders: 1, rate: 0.04 },
      { key: 'unknown', shippedOrders: 0, delayedOrders: 1, rate: null },
    ]);
  });

  it('is empty without delays', () => {
    expect(delayMetrics([], { byCarrier: {}, byDestination: {} })).toEqual({
      delayedOrders: 0,
      toldFirst: { orders: 0, share: null },
      notifiedOrders: 0,
      detectionToNotificationMinutes: { count: 0, p50: null, p90: null },
      byReason: [],
      byCarrier: [],
      byDestination: [],
    });
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100)).toBe(10);
  });
});

describe('openDelayDigest', () => {
  it('groups open delays by reason, then carrier, largest first', () => {
    const digest = openDelayDigest([
      fact('o1', { carrier: 'ups' }),
      fact('o2', { carrier: 'ups' }),
      fact('o3', { carrier: 'dhl_express' }),
      fact('o4', { reason: 'customs_hold' }),
      fact('o5', { carrier: 'ups', resolvedAt: at(3) }),
    ]);
    expect(digest).toEqual({
      total: 4,
      byReason: [
        { reason: 'delivery_overdue', count: 3, byCarrier: [{ carrier: 'ups', count: 2 }, { carrier: 'dhl_express', count: 1 }] },
        { reason: 'customs_hold', count: 1, byCarrier: [{ carrier: 'unknown', count: 1 }] },
      ],
    });
  });
});

describe('delayFactsOf', () => {
  it('takes a delay notification from its own notice, else the first notice after it', () => {
    const watch = {
      orderId: 'o1',
      carrier: 'ups',
      destinationCountry: 'FR',
      delays: [
        { delayId: 'd1', key: 'a', reason: 'customs_hold', severity: 'low', detectedBy: 'tracking', detectedAt: at(0), shipmentId: 'f1', carrier: 'colissimo' },
        { delayId: 'd2', key: 'b', reason: 'delivery_overdue', severity: 'medium', detectedBy: 'timer', detectedAt: at(4), resolvedAt: at(9), resolution: 'delivered' },
        { delayId: 'd3', key: 'c', reason: 'tracking_stalled', severity: 'medium', detectedBy: 'timer', detectedAt: at(20) },
      ],
      notices: [
        { messageType: 'delay_apology', deduplicationKey: 'k1', at: at(1), delayId: 'd1' },
        { messageType: 'delay_update', deduplicationKey: 'k2', at: at(6) },
      ],
    } as unknown as DelayWatch;
    expect(delayFactsOf(watch, at(8))).toEqual([
      { orderId: 'o1', delayId: 'd1', reason: 'customs_hold', severity: 'low', carrier: 'colissimo', destinationCountry: 'FR', detectedAt: at(0), notifiedAt: at(1), firstCustomerContactAt: at(8) },
      { orderId: 'o1', delayId: 'd2', reason: 'delivery_overdue', severity: 'medium', carrier: 'ups', destinationCountry: 'FR', detectedAt: at(4), notifiedAt: at(6), firstCustomerContactAt: at(8), resolvedAt: at(9) },
      { orderId: 'o1', delayId: 'd3', reason: 'tracking_stalled', severity: 'medium', carrier: 'ups', destinationCountry: 'FR', detectedAt: at(20), firstCustomerContactAt: at(8) },
    ]);
  });
});
