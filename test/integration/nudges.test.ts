// The nudge planner on the local stack: a delivered Shopify order of a product with a configured
// cycle plans one replenishment nudge, due the cycle after delivery, with its timer; a customer
// with an open return gets it planned too (suppression is decided when it falls due); an order
// cancelled after delivery has its nudge cancelled and its timer deleted. Every order sets the
// customer's win-back timer. The product is one only this file configures.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { NudgeStore } from '../../shared/adapters/nudge-store.ts';
import { buyer, deliveredOrder, iso, nudgeEvents, nudgeScheduled, orderOf, publishCampaignSettings, withCycle } from './nudge-support.ts';
import { api, clients, eventually, resourceName, sendShopify, settle } from './support.ts';

const base = 9_300_000 + Math.floor(Math.random() * 90_000);
const product = String(900_000_000 + Math.floor(Math.random() * 90_000_000));
const happy = buyer(base, `nudge-happy-${randomUUID().slice(0, 8)}@example.com`);
const returning = buyer(base + 1, `nudge-return-${randomUUID().slice(0, 8)}@example.com`);
const cancelled = buyer(base + 2, `nudge-cancel-${randomUUID().slice(0, 8)}@example.com`);
const nudgeIdOf = (who: { orderId: number }) => `ndg_${who.orderId}_${product}`;
const DAY = 86_400_000;
let now = 0;

interface Schedule {
  Name: string;
  Target: { Input?: string };
}
const schedule = async (name: string): Promise<Schedule | undefined> => {
  const { body } = await api('/_local/schedules');
  return (body.schedules ?? body).find((candidate: Schedule) => candidate.Name === name);
};

beforeAll(async () => {
  now = Date.parse((await api('/_local/clock')).body.now);
  await publishCampaignSettings(withCycle(product, 30), 'Nudge integration test product');
  for (const who of [happy, returning, cancelled]) await deliveredOrder(who, product, { placedAt: iso(now - 10 * DAY), deliveredAt: iso(now - 7 * DAY) });
  await settle();
});

describe('replenishment planning', () => {
  it('plans one nudge for the delivered product with a cycle, due 30 days after delivery, with its timer', async () => {
    const scheduled = await nudgeScheduled(nudgeIdOf(happy));
    expect(scheduled.detail).toMatchObject({ shopId: 'demo-shopify', kind: 'replenishment', campaignId: 'replenishment', orderId: String(happy.orderId), customer: { id: String(happy.customerId), email: happy.email }, dueAt: new Date(Date.parse(iso(now - 7 * DAY)) + 30 * DAY).toISOString() });
    // The other product has no cycle; the order's later events plan nothing again.
    expect(await nudgeEvents('NudgeScheduled', { orderId: String(happy.orderId) })).toHaveLength(1);
    const timer = await eventually(() => schedule(`nud-demo-shopify-${nudgeIdOf(happy)}`), { what: 'the nudge timer' });
    expect(JSON.parse(timer.Target.Input!)).toMatchObject({ kind: 'nudge', nudgeId: nudgeIdOf(happy), customerId: String(happy.customerId), dueAt: scheduled.detail.dueAt });
  });

  it('plans the nudge of a customer with an open return too: it is decided when due', async () => {
    const { status, body } = await api('/returns', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: returning.number, email: returning.email, lines: [{ lineItemId: String(returning.orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    await settle();
    expect((await nudgeScheduled(nudgeIdOf(returning))).detail).toMatchObject({ kind: 'replenishment', orderId: String(returning.orderId) });
  });

  it('sets the customer’s win-back timer after the order', async () => {
    const timer = await eventually(() => schedule(`nud-demo-shopify-${happy.customerId}-winback`), { what: 'the win-back timer' });
    // The default: 120 days without an order.
    expect(JSON.parse(timer.Target.Input!)).toMatchObject({ kind: 'winback', customerId: String(happy.customerId), dueAt: new Date(Date.parse(iso(now - 10 * DAY)) + 120 * DAY).toISOString() });
  });

  it('cancels the planned nudge and deletes its timer when the order is cancelled', async () => {
    await nudgeScheduled(nudgeIdOf(cancelled));
    const name = `nud-demo-shopify-${nudgeIdOf(cancelled)}`;
    await eventually(() => schedule(name), { what: 'the nudge timer' });
    const order = orderOf(cancelled, product, iso(now - 10 * DAY));
    await sendShopify('orders/cancelled', { ...order, cancelled_at: iso(now), cancel_reason: 'customer', updated_at: iso(now) });
    await settle();
    await eventually(async () => ((await schedule(name)) === undefined ? true : undefined), { what: 'the nudge timer deleted' });
  });
});

describe('learned product cycles', () => {
  it('records a repeat buyer’s interval between orders of the product, pooled with other buyers’', async () => {
    const repeat = buyer(base + 3, `nudge-repeat-${randomUUID().slice(0, 8)}@example.com`);
    await deliveredOrder(repeat, product, { placedAt: iso(now - 40 * DAY), deliveredAt: iso(now - 37 * DAY) });
    await settle();
    await deliveredOrder({ ...repeat, orderId: repeat.orderId + 50 }, product, { placedAt: iso(now - 10 * DAY), deliveredAt: iso(now - 7 * DAY) });
    await settle();
    const store = new NudgeStore(clients.dynamo, resourceName('BackboneStateTable'));
    const recorded = async () => (await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `PRODUCTCYCLE#demo-shopify#${product}`, sk: String(repeat.customerId) } }))).Item;
    expect((await eventually(recorded, { what: 'the repeat buyer’s interval' }))!.intervals).toEqual([30]);
    // Another buyer's intervals join the pool; a product bought once records nothing.
    await store.recordProductIntervals('demo-shopify', `other-${repeat.customerId}`, new Map([[product, [20, 24]], [`${product}1`, []]]));
    const pooled = await store.productIntervals('demo-shopify', [product, `${product}1`]);
    expect(pooled.get(product)).toEqual(expect.arrayContaining([30, 20, 24]));
    expect(pooled.get(`${product}1`)).toEqual([]);
  });
});
