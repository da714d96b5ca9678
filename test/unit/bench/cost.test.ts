import { describe, expect, it } from 'vitest';
import { costPer1000Orders, loadPrices, minimumCostPer1000Orders, requiredWork, type PriceTable } from '../../../bench/cost.ts';
import { usage } from './usage-fixture.ts';

const prices = loadPrices();

describe('the price table', () => {
  it('is dated, for us-east-1, and names a source for every price', () => {
    expect(prices.region).toBe('us-east-1');
    expect(prices.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [name, price] of Object.entries(prices.prices)) {
      expect(price.source, name).not.toBe('');
      expect(price.usd, name).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('cost per 1,000 orders', () => {
  // 100 orders: every per-run quantity is multiplied by 10.
  const cost = costPer1000Orders(usage(), 100, prices);

  it('prices each service from the counters', () => {
    expect(cost.byService.apiGateway).toBeCloseTo(1000 * 10 * 1e-6, 7);
    expect(cost.byService.lambda).toBeCloseTo(10 * (5000 * 0.2e-6 + 100 * 0.0000133334), 7);
    expect(cost.byService.eventBridge).toBeCloseTo(2000 * 10 * 1e-6, 7);
    expect(cost.byService.scheduler).toBeCloseTo(300 * 10 * 1e-6, 7);
    expect(cost.byService.sqs).toBeCloseTo(5000 * 10 * 0.4e-6, 7);
    expect(cost.byService.dynamodb).toBeCloseTo(10 * (16_000 * 0.625e-6 + 8000 * 0.125e-6), 7);
    expect(cost.byService.ses).toBeCloseTo(200 * 10 * 0.0001, 7);
    expect(cost.byService.sms).toBeCloseTo(100 * 10 * (0.00581 + 0.0025), 7);
  });

  it('gives the total, and the total without the message fees', () => {
    const sum = Object.values(cost.byService).reduce((a, b) => a + b, 0);
    expect(cost.totalUsd).toBeCloseTo(sum, 5);
    expect(cost.withoutMessagesUsd).toBeCloseTo(sum - cost.byService.ses - cost.byService.sms, 5);
  });

  it('does not price the local poller’s empty receives, but prices Lambda’s idle polling of each mapped queue over the hours the orders take to arrive', () => {
    const idle = costPer1000Orders(usage({ sqs: { ...usage().sqs, mappedQueues: 2 } }), 100, prices, { ordersPerDay: 100 });
    // A whole day: 2 queues × 15 receives a minute × 1,440 minutes.
    expect(idle.byService.sqs - cost.byService.sqs).toBeCloseTo(2 * 15 * 1440 * 10 * 0.4e-6, 7);
    // The same 100 orders from a store selling 2,400 a day arrive in one hour.
    const busier = costPer1000Orders(usage({ sqs: { ...usage().sqs, mappedQueues: 2 } }), 100, prices, { ordersPerDay: 2400 });
    expect(busier.byService.sqs - cost.byService.sqs).toBeCloseTo(2 * 15 * 60 * 10 * 0.4e-6, 7);
  });

  it('halves per order when the same usage serves twice the orders', () => {
    expect(costPer1000Orders(usage(), 200, prices).totalUsd).toBeCloseTo(cost.totalUsd / 2, 5);
  });

  it('follows the price table', () => {
    const doubled: PriceTable = { ...prices, prices: { ...prices.prices, dynamoWriteUnit: { ...prices.prices.dynamoWriteUnit, usd: prices.prices.dynamoWriteUnit.usd * 2 } } };
    expect(costPer1000Orders(usage(), 100, doubled).byService.dynamodb - cost.byService.dynamodb).toBeCloseTo(16_000 * 10 * 0.625e-6, 7);
  });

  it('refuses a run without orders', () => {
    expect(() => costPer1000Orders(usage(), 0, prices)).toThrow(/orders/);
  });
});

describe('the least work the design needs', () => {
  it('is priced from the deliveries, messages and timers of the run', () => {
    const work = requiredWork(usage(), 100);
    expect(work).toEqual({ orders: 100, deliveries: 1000, emails: 200, smsMessages: 50, smsSegments: 100, timers: 300 });
    const minimum = minimumCostPer1000Orders(work, prices);
    // Per delivery 2 WRU, per message and per timer 1 WRU: (2000 + 250 + 300) × 10 per 1,000 orders.
    expect(minimum.lines.find((line) => line.item === 'write units')?.quantity).toBe(2550);
    // Message fees are the same whatever the design.
    expect(minimum.byService.ses).toBeCloseTo(costPer1000Orders(usage(), 100, prices).byService.ses, 7);
    expect(minimum.assumptions.join(' ')).toMatch(/Per delivery/);
  });

  it('is what the measured cost is compared with, message fees excluded', () => {
    const cost = costPer1000Orders(usage(), 100, prices);
    expect(cost.overMinimum).toBeCloseTo(cost.withoutMessagesUsd / cost.minimum.withoutMessagesUsd, 1);
    expect(cost.overMinimum).toBeGreaterThan(1);
  });
});
