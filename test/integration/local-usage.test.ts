// The local stack counts what the system asks of each AWS stand-in, as AWS bills it: GET /_local/usage.
import { describe, expect, it } from 'vitest';
import type { UsageSnapshot } from '../../infra/local/usage/counters.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { api, sendShopify, settle } from './support.ts';

async function usage(): Promise<UsageSnapshot> {
  const { status, body } = await api<UsageSnapshot>('/_local/usage');
  expect(status).toBe(200);
  return body;
}

describe('GET /_local/usage', () => {
  it('counts the API request, invocations, queue traffic, events and DynamoDB units a webhook delivery causes', async () => {
    await settle();
    const before = await usage();
    await sendShopify('orders/create', shopifyOrder({ orderId: 8_000_000 + Math.floor(Math.random() * 1_000_000) }));
    await settle();
    const after = await usage();

    expect(after.api.requests - before.api.requests).toBeGreaterThanOrEqual(1);
    // The receiver, then the normalizer, then the outbox relay and the consumers of its events.
    expect(after.lambda.invocations - before.lambda.invocations).toBeGreaterThanOrEqual(3);
    expect(after.lambda.gbSeconds).toBeGreaterThan(before.lambda.gbSeconds);
    expect(after.sqs.sendRequests - before.sqs.sendRequests).toBeGreaterThanOrEqual(1);
    expect(after.sqs.receiveRequests - before.sqs.receiveRequests).toBeGreaterThanOrEqual(1);
    expect(after.sqs.deleteRequests - before.sqs.deleteRequests).toBeGreaterThanOrEqual(1);
    expect(after.eventbridge.events - before.eventbridge.events).toBeGreaterThanOrEqual(1);
    expect(after.dynamodb.writeUnits - before.dynamodb.writeUnits).toBeGreaterThanOrEqual(2);
    expect(after.dynamodb.readUnits).toBeGreaterThanOrEqual(before.dynamodb.readUnits);
    expect(after.sqs.mappedQueues).toBeGreaterThan(5);
  });

  it('starts afresh on POST /_local/usage/reset', async () => {
    const { status, body } = await api<UsageSnapshot>('/_local/usage/reset', { method: 'POST' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ api: { requests: 0 }, lambda: { invocations: 0, gbSeconds: 0 }, dynamodb: { writeUnits: 0 }, clockSpanMs: 0 });
    expect(Date.parse(body.since.wall)).toBeGreaterThan(Date.now() - 60_000);
  });
});
