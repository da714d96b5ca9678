// Store credit through the local stack: an inspected return for store credit is decided, the saga
// issues exactly one gift card at the local fake provider (idempotent on the decision's key) even
// when RefundDecided is delivered again while it runs and after it completed, confirms it in the
// ledger, and the customer's email carries the full code, which no event on the bus does.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { RefundDecided } from '../../shared/events/refunds.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
const number = String(orderId % 100_000);
const email = `credit-${randomUUID().slice(0, 8)}@example.com`;
// The stakes (12.50): under the default rules' auto-approval limit, so no person needs to review.
const stakes = String(orderId * 10 + 2);
const table = () => resourceName('BackboneStateTable');
const decisionOf = async (returnId: string) => (await clients.dynamo.send(new GetCommand({ TableName: table(), Key: { pk: `REFUNDDEC#${shopId}#dec_${returnId}`, sk: 'DECISION' } }))).Item?.record;
const eventsOf = async (detailType: string, key: string, value: string) => ((await api(`/_local/events?detailType=${detailType}`)).body.events as any[]).filter((event) => event.detail[key] === value);
const creditsUnder = async (key: string) => ((await api(`/_local/payments/${shopId}`)).body.credits as any[]).filter((credit) => credit.key === key);

async function redeliver(detail: unknown) {
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: resourceName('BackboneBus'), Source: RefundDecided.source, DetailType: RefundDecided.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
}

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await sendShopify('orders/create', shopifyOrder({ orderId, email, createdAt: iso(8) }));
  await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
  await settle();
});

describe('store credit of an inspected return', () => {
  it('issues exactly one gift card even when the decision is delivered again, and emails its code', async () => {
    const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: number, email, lines: [{ lineItemId: stakes, quantity: 1, reason: 'not_as_described', resolution: 'store_credit' }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    const returnId = body.id as string;
    const headers = { authorization: `Bearer ${await opsToken('agent')}` };
    expect((await api(`/ops/returns/${returnId}/receipt?shopId=${shopId}`, { method: 'POST', headers, json: {} })).status).toBe(200);
    const inspected = await api(`/ops/returns/${returnId}/inspection?shopId=${shopId}`, { method: 'POST', headers, json: { lines: [{ lineItemId: stakes, condition: 'as_new' }] } });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);

    // Delivered twice more while the saga may still be running: the same key issues nothing twice.
    const decided = await eventually(async () => (await eventsOf('RefundDecided', 'returnId', returnId))[0], { what: 'RefundDecided' });
    expect(decided.detail.kind).toBe('store_credit');
    await Promise.all([redeliver(decided.detail), redeliver(decided.detail)]);

    const record = await eventually(async () => {
      const found = await decisionOf(returnId);
      return found?.status === 'completed' ? found : undefined;
    }, { what: 'the store credit saga completed' });
    await redeliver(decided.detail);
    await settle();

    const credits = await creditsUnder(record.refundId);
    expect(credits).toHaveLength(1);
    const [card] = credits;
    expect(card).toMatchObject({ amount: record.outcome.amount, orderId: String(orderId), kind: 'gift_card' });
    expect(record.steps.money).toMatchObject({ storeCreditId: card.id, codeLastCharacters: card.codeLastCharacters });

    const issued = await eventually(async () => {
      const found = await eventsOf('StoreCreditIssued', 'decisionId', record.decisionId);
      return found.length ? found : undefined;
    }, { what: 'StoreCreditIssued' });
    expect(issued[0].detail).toMatchObject({ storeCreditId: card.id, kind: 'gift_card', codeLastCharacters: card.codeLastCharacters, amount: record.outcome.amount });

    const mail = await eventually(async () => (await emailsTo(email)).find((m) => String(m.subject).startsWith('Your store credit of')), { what: 'the store credit email' });
    expect(mail.body.text).toContain(card.code);
    // The code went from the provider to the email only: no event on the bus carries it.
    const published = [...issued, ...(await eventsOf('NotificationRequested', 'orderId', String(orderId)))];
    expect(published.length).toBeGreaterThan(1);
    expect(JSON.stringify(published)).not.toContain(card.code);
  });

  it('fails the decision visibly and releases the hold when the provider declines the credit', async () => {
    const control = await api(`/_local/payments/${shopId}/control`, { method: 'POST', json: { declineCredit: 'gift_cards_disabled' } });
    expect(control.status).toBeLessThan(300);
    try {
      const second = orderId + 1;
      const now = Date.parse((await api('/_local/clock')).body.now);
      const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const secondEmail = `credit-${randomUUID().slice(0, 8)}@example.com`;
      await sendShopify('orders/create', shopifyOrder({ orderId: second, email: secondEmail, createdAt: iso(8) }));
      await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: second + 5, orderId: second, shipmentStatus: 'delivered', createdAt: iso(7), updatedAt: iso(5) }));
      await settle();
      const line = String(second * 10 + 2);
      const { body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: String(second % 100_000), email: secondEmail, lines: [{ lineItemId: line, quantity: 1, reason: 'not_as_described', resolution: 'store_credit' }] } });
      const headers = { authorization: `Bearer ${await opsToken('agent')}` };
      expect((await api(`/ops/returns/${body.id}/receipt?shopId=${shopId}`, { method: 'POST', headers, json: {} })).status).toBe(200);
      expect((await api(`/ops/returns/${body.id}/inspection?shopId=${shopId}`, { method: 'POST', headers, json: { lines: [{ lineItemId: line, condition: 'as_new' }] } })).status).toBe(200);
      const record = await eventually(async () => {
        const found = await decisionOf(body.id);
        return found?.status === 'failed' ? found : undefined;
      }, { what: 'the decision failed' });
      expect(record.failure).toMatchObject({ step: 'money', code: 'gift_cards_disabled' });
      expect(await creditsUnder(record.refundId)).toEqual([]);
      await eventually(async () => (await eventsOf('RefundFailed', 'decisionId', record.decisionId))[0], { what: 'RefundFailed' });
    } finally {
      await api(`/_local/payments/${shopId}/control`, { method: 'POST', json: { declineCredit: null } });
    }
  });
});
