// A parcel claim's offer on a real Scheduler timer in the local stack, driven by the local clock:
// the customer who does not choose within the rules' seven days gets the recommended option (a
// replacement), not before; a customer who chooses has the timer deleted. This file moves the clock
// by days, so it runs in its own local stack (the `clock` test project).
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, eventually, resourceName, sendShopify, settle } from '../integration/support.ts';

const shopId = 'demo-shopify';
const base = 9_500_000 + Math.floor(Math.random() * 90_000);
const customer = (n: number) => ({ orderId: base + n, number: String((base + n) % 100_000), email: `claim-clock-${n}-${randomUUID().slice(0, 8)}@example.com` });
const silent = customer(0);
const chooser = customer(1);
const decisions: Record<string, string> = {};
const sessions: Record<string, { authorization: string }> = {};

const decisionOf = async (decisionId: string) => (await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `REFUNDDEC#${shopId}#${decisionId}`, sk: 'DECISION' } }))).Item?.record;
const schedulesNamed = async (prefix: string): Promise<string[]> => {
  const { body } = await api('/_local/schedules');
  return (body.schedules ?? body).map((schedule: { Name: string }) => schedule.Name).filter((name: string) => name.startsWith(prefix));
};
const advance = async (duration: string) => {
  expect((await api('/_local/clock', { method: 'POST', json: { advance: duration } })).status).toBe(200);
  await settle();
};

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of [silent, chooser]) {
    await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt: iso(8) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
  }
  await settle();
  for (const who of [silent, chooser]) {
    const signedIn = await api('/customer/sessions', { method: 'POST', json: { shopId, orderNumber: who.number, email: who.email } });
    expect(signedIn.status).toBe(200);
    sessions[who.email] = { authorization: `Bearer ${signedIn.body.token}` };
    const filed = await api('/claims', { method: 'POST', headers: sessions[who.email], json: { orderNumber: who.number, kind: 'not_delivered', lines: [{ lineId: String(who.orderId * 10 + 2), quantity: 1 }] } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    decisions[who.email] = filed.body.decisionId;
  }
  await settle();
  for (const who of [silent, chooser]) await eventually(async () => ((await decisionOf(decisions[who.email]!))?.status === 'awaiting_customer' ? true : undefined), { what: 'the claim waiting for the customer' });
});

describe('a parcel claim’s offer expiring', () => {
  it('sets one ref- timer per offer, and deletes it when the customer chooses', async () => {
    const timerOf = (who: { email: string }) => `ref-${shopId}-${decisions[who.email]}-offer`;
    await eventually(async () => ((await schedulesNamed(timerOf(silent))).length === 1 && (await schedulesNamed(timerOf(chooser))).length === 1 ? true : undefined), { what: 'both offer timers' });
    const chosen = await api(`/claims/${decisions[chooser.email]}/choice`, { method: 'POST', headers: sessions[chooser.email], json: { kind: 'store_credit' } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    await settle();
    await eventually(async () => ((await schedulesNamed(timerOf(chooser))).length === 0 ? true : undefined), { what: 'the chosen offer’s timer deleted' });
  });

  it('waits the whole seven days, then applies the recommended replacement', async () => {
    await advance('P6DT23H');
    expect((await decisionOf(decisions[silent.email]!)).status).toBe('awaiting_customer');
    await advance('PT2H');
    const record = await eventually(async () => {
      const found = await decisionOf(decisions[silent.email]!);
      return found?.offer?.choice ? found : undefined;
    }, { what: 'the offer expired' });
    expect(record.offer.choice).toMatchObject({ kind: 'reship', by: 'expiry' });
    expect(record.outcome).toMatchObject({ kind: 'reship' });
    expect(record.history.find((entry: { action: string }) => entry.action === 'offer_expired')).toMatchObject({ from: 'awaiting_customer', to: 'approved', by: { kind: 'system' } });
    // The customer's own choice is not overridden by anything later.
    expect((await decisionOf(decisions[chooser.email]!)).offer.choice).toMatchObject({ kind: 'store_credit', by: 'customer' });
  });
});
