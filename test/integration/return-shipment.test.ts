// Return shipment tracking through the local stack: the customer gives the tracking number of the
// parcel they sent (awaiting shipment, reminders stop, the expiry stays), then a signed carrier
// update moves the return to in transit with ReturnShipped; repeats change nothing, later news
// goes on the history, forged updates are refused, and only the return's customer may declare it.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, eventually, opsToken, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const base = 9_300_000 + Math.floor(Math.random() * 90_000);
const mine = { orderId: base, number: String(base % 100_000), email: `ship-${randomUUID().slice(0, 8)}@example.com` };
const theirs = { orderId: base + 1, number: String((base + 1) % 100_000), email: `other-${randomUUID().slice(0, 8)}@example.com` };
const trackingNumber = `1Z${randomUUID().replaceAll('-', '').slice(0, 14).toUpperCase()}`;
const signIn = async (who: typeof mine) => (await api('/customer/sessions', { method: 'POST', json: { shopId, orderNumber: who.number, email: who.email } })).body.token as string;
const scheduleNames = async () => ((await api('/_local/schedules')).body.schedules as { Name: string }[]).map((schedule) => schedule.Name);
const clockNow = async () => new Date((await api('/_local/clock')).body.now);

/** Posts a carrier update signed with the demo shops' webhook secret (or `secret`). */
async function sendCarrier(update: Record<string, unknown>, secret = 'local-webhook-secret') {
  const now = await clockNow();
  const body = JSON.stringify({ occurredAt: now.toISOString(), ...update });
  const signature = signGeneric(body, secret, Math.floor(now.getTime() / 1000));
  return api(`/webhooks/carriers/${shopId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-signature': signature }, body });
}

let returnId: string;
let mineToken: string;
const readCase = async () => {
  const ops = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
  const { data } = await ops.GET('/ops/returns/{caseId}', { params: { path: { caseId: returnId }, query: { shopId } } });
  return data!;
};

beforeAll(async () => {
  const now = (await clockNow()).getTime();
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of [mine, theirs]) {
    await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
  }
  await settle();
  const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber: mine.number, email: mine.email, lines: [{ lineItemId: String(mine.orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
  expect(status, JSON.stringify(body)).toBe(201);
  expect(body.status).toBe('approved');
  returnId = body.id;
  mineToken = await signIn(mine);
});

describe('POST /returns/{id}/shipment', () => {
  const declare = (token: string, json: Record<string, unknown>) => api(`/returns/${returnId}/shipment`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, json });

  it('answers 404 to another customer, and 401 without a session', async () => {
    const other = await declare(await signIn(theirs), { trackingNumber });
    expect(other.status).toBe(404);
    expect((await api(`/returns/${returnId}/shipment`, { method: 'POST', json: { trackingNumber } })).status).toBe(401);
    expect((await readCase()).status).toBe('approved');
  });

  it('records the tracking: awaiting shipment, reminders stop, the expiry stays', async () => {
    const before = await readCase();
    const reminderIds = before.timers.filter((t) => t.kind === 'return_reminder').map((t) => t.timerId);
    expect(reminderIds.length).toBeGreaterThan(0);
    await settle();
    expect(await scheduleNames()).toEqual(expect.arrayContaining(reminderIds));
    const spaced = trackingNumber.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
    const { status, body } = await declare(mineToken, { carrierCode: 'UPS', trackingNumber: spaced });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ id: returnId, status: 'awaiting_shipment', tracking: { carrierCode: 'ups', trackingNumber: spaced } });
    const after = await readCase();
    expect(after.status).toBe('awaiting_shipment');
    expect(after.timers.map((timer) => timer.kind)).toEqual(['return_expiry']);
    expect(after.history.at(-1)).toMatchObject({ action: 'shipmentDeclared', from: 'approved', to: 'awaiting_shipment', actor: { kind: 'customer' } });
    // The Scheduler timers follow: the reminders are deleted, the expiry is still set.
    await settle();
    const names = await scheduleNames();
    expect(names).toEqual(expect.arrayContaining(after.timers.map((t) => t.timerId)));
    expect(names.filter((name) => reminderIds.includes(name))).toEqual([]);
    // The same number again changes nothing.
    const again = await declare(mineToken, { trackingNumber: spaced });
    expect(again.status).toBe(200);
    expect((await readCase()).version).toBe(after.version);
  });

  it('names an invalid tracking number', async () => {
    const { status, body } = await declare(mineToken, { trackingNumber: 'x' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: 'body.trackingNumber', message: expect.any(String) }]);
  });
});

describe('POST /webhooks/carriers/{shopId}', () => {
  it('refuses a forged signature with 401 and changes nothing', async () => {
    const { status } = await sendCarrier({ trackingNumber, status: 'in_transit' }, 'not-the-webhook-secret-at-all');
    expect(status).toBe(401);
    expect((await readCase()).status).toBe('awaiting_shipment');
  });

  it('names the invalid field of an authentic update', async () => {
    const { status, body } = await sendCarrier({ trackingNumber, status: 'teleported' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: 'body.status', message: expect.any(String) }]);
  });

  it('answers 202 to a tracking number no return has', async () => {
    const { status, body } = await sendCarrier({ trackingNumber: `9400${Date.now()}`, status: 'in_transit' });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'ignored' });
  });

  it('moves the return to in transit on the carrier’s scan, with ReturnShipped', async () => {
    const { status, body } = await sendCarrier({ trackingNumber, carrierCode: 'ups', status: 'in_transit', description: 'Departed facility' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({ status: 'applied', returnId, returnStatus: 'in_transit' });
    const moved = await readCase();
    expect(moved).toMatchObject({ status: 'in_transit', timers: [], tracking: { carrierCode: 'ups', status: 'in_transit' } });
    expect(moved.history.at(-1)).toMatchObject({ action: 'shipped', actor: { kind: 'integration', id: 'carrier' }, reason: 'in_transit: Departed facility' });
    await settle();
    const shipped = await eventually(async () => {
      const { events } = (await api('/_local/events?detailType=ReturnShipped')).body as { events: any[] };
      return events.find((event) => event.detail.returnId === returnId);
    }, { what: 'ReturnShipped' });
    expect(shipped.detail).toMatchObject({ shopId, tracking: { carrier: { code: 'ups' } } });
  });

  it('answers a repeat with 202 and changes nothing', async () => {
    const before = await readCase();
    const { status, body } = await sendCarrier({ trackingNumber, carrierCode: 'ups', status: 'in_transit' });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'ignored', returnId, returnStatus: 'in_transit' });
    expect((await readCase()).version).toBe(before.version);
    await settle();
    const { events } = (await api('/_local/events?detailType=ReturnShipped')).body as { events: any[] };
    expect(events.filter((event) => event.detail.returnId === returnId)).toHaveLength(1);
  });

  it('keeps later news on the history without moving the return', async () => {
    const { status } = await sendCarrier({ trackingNumber, status: 'delivered', description: 'Delivered to dock 4' });
    expect(status).toBe(200);
    const read = await readCase();
    expect(read.status).toBe('in_transit');
    expect(read.tracking?.status).toBe('delivered');
    expect(read.history.at(-1)).toMatchObject({ action: 'carrierUpdate', from: 'in_transit', to: 'in_transit', reason: 'delivered: Delivered to dock 4' });
    expect((await sendCarrier({ trackingNumber, status: 'out_for_delivery' })).status).toBe(202);
  });
});
