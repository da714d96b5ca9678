// Customers guessing ids on the local stack: with her own portal session, Alice asks for Bob's
// order and return, for the order numbers next to hers, for ids shaped like hers, and for the
// order and return she has at another shop. Every one is the same 404 an id nobody has gets (no
// existence leak), and nothing she tries changes Bob's or the other shop's records.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { changesBetween, createCustomers, send, snapshotTables, type CustomerFixture, type Reply, type Snapshot } from './api-fuzz-support.ts';
import { api, endpoints, settle } from './support.ts';

let alice: CustomerFixture;
let bob: CustomerFixture;
/** Alice's order and return at the generic demo shop, placed with the same email. */
const elsewhere = { shopId: 'demo-generic', orderId: `CA-${randomUUID().slice(0, 8)}`, returnId: '' };

async function sendGenericOrder(email: string) {
  const now = new Date((await api('/_local/clock')).body.now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const money = (amount: number) => ({ amount, currency: 'USD' });
  const lineId = `${elsewhere.orderId}-1`;
  const data = {
    orderId: elsewhere.orderId,
    orderNumber: `#${elsewhere.orderId}`,
    createdAt: daysAgo(6),
    currency: 'USD',
    customer: { id: `cus_${elsewhere.orderId}`, email, firstName: 'Alice', locale: 'en-US' },
    lines: [{ lineId, title: 'Camp stove', quantity: 1, unitPrice: money(2000), discount: money(0), tax: money(0), total: money(2000), requiresShipping: true }],
    totals: { subtotal: money(2000), discounts: money(0), shipping: money(0), tax: money(0), total: money(2000) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    fulfillments: [{ fulfillmentId: `SHP-${elsewhere.orderId}`, status: 'success', shipmentStatus: 'delivered', trackingNumbers: [], trackingUrls: [], lines: [{ lineId, quantity: 1 }], createdAt: daysAgo(5), deliveredAt: daysAgo(3) }],
  };
  const body = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'order.placed', occurredAt: now.toISOString(), data });
  const response = await fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) }, body });
  expect(response.status, await response.text()).toBe(200);
  await settle();
  const created = await api('/returns', { method: 'POST', json: { shopId: elsewhere.shopId, orderNumber: `#${elsewhere.orderId}`, email, lines: [{ lineItemId: lineId, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  elsewhere.returnId = created.body.id;
}

const asCustomer = (token: string, path: string, init: RequestInit = {}) =>
  send(`${endpoints.api}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });

/** A 404 reduced to what may not differ between a hidden id and a missing one: everything but the id it names and the request id. */
function notFoundShape(reply: Reply, id: string) {
  return {
    status: reply.status,
    contentType: reply.contentType,
    keys: Object.keys(reply.body ?? {}).sort(),
    title: reply.body?.title,
    detail: String(reply.body?.detail).replaceAll(id, '<id>'),
  };
}

/** Ids shaped like `id` that nobody was given: its last characters changed. */
function lookalikes(id: string): string[] {
  const hex = '0123456789abcdef';
  return [1, 2, 7].map((step) => id.slice(0, -1) + hex[(hex.indexOf(id.at(-1)!) + step) % 16]).concat([`${id.slice(0, -4)}0000`, `ret_${randomUUID().replaceAll('-', '')}`]);
}

/** The items that hold the records of the fixtures' orders and returns, in every table. */
const fixtureItems = (snapshot: Snapshot) =>
  new Map([...snapshot].filter(([key, value]) => key.includes(`#${bob.orderId}`) || [bob.returnId, elsewhere.returnId, elsewhere.orderId, alice.returnId].some((id) => key.includes(id) || value.includes(id))));

let before: Snapshot;

beforeAll(async () => {
  [alice, bob] = (await createCustomers('access', 2)) as [CustomerFixture, CustomerFixture];
  await sendGenericOrder(alice.email);
  await settle();
  before = fixtureItems(await snapshotTables());
}, 60_000);

describe('a customer guessing order numbers', () => {
  it('gets the same 404 for Bob’s order, the numbers next to hers, and her order at another shop, as for a number nobody has', async () => {
    const own = await asCustomer(alice.token, `/customer/orders/${encodeURIComponent(alice.number)}`);
    expect(own.status).toBe(200);
    const missingNumber = '99999999999';
    const reference = notFoundShape(await asCustomer(alice.token, `/customer/orders/${missingNumber}`), missingNumber);
    expect(reference).toMatchObject({ status: 404, contentType: 'application/problem+json' });
    const neighbours = [-3, -2, -1, 2, 3].map((step) => String((Number(alice.number) + step + 100_000) % 100_000));
    for (const number of [bob.number, `#${bob.number}`, ...neighbours, `#${elsewhere.orderId}`, elsewhere.orderId]) {
      const reply = await asCustomer(alice.token, `/customer/orders/${encodeURIComponent(number)}`);
      expect(notFoundShape(reply, number), number).toEqual(reference);
    }
  });

  it('cannot sign in, request a return or file a claim with someone else’s order number', async () => {
    const unknown = await api('/customer/sessions', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: '99999999999', email: alice.email } });
    const bobsNumber = await api('/customer/sessions', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: bob.number, email: alice.email } });
    expect([bobsNumber.status, bobsNumber.body.detail]).toEqual([unknown.status, unknown.body.detail]);
    expect(unknown.status).toBe(401);

    const returnFor = (orderNumber: string, shopId?: string) => api('/returns', { method: 'POST', json: { ...(shopId ? { shopId } : {}), orderNumber, email: alice.email, lines: [{ lineItemId: bob.lineIds[1], quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
    const unknownReturn = await returnFor('99999999999', 'demo-shopify');
    expect(unknownReturn.status).toBe(404);
    for (const attempt of [await returnFor(bob.number, 'demo-shopify'), await returnFor(bob.number)]) {
      expect([attempt.status, attempt.body.detail]).toEqual([unknownReturn.status, unknownReturn.body.detail]);
    }

    const claimFor = (orderNumber: string) => asCustomer(alice.token, '/claims', { method: 'POST', body: JSON.stringify({ orderNumber, kind: 'damaged_in_transit' }) });
    const unknownClaim = await claimFor('99999999999');
    expect(unknownClaim.status).toBe(404);
    for (const number of [bob.number, `#${elsewhere.orderId}`]) {
      expect(notFoundShape(await claimFor(number), number), number).toEqual(notFoundShape(unknownClaim, '99999999999'));
    }
  });
});

describe('a customer guessing return ids', () => {
  it('gets the same 404 for Bob’s return, look-alike ids and her own return at another shop, as for an id nobody has', async () => {
    expect((await asCustomer(alice.token, `/returns/${alice.returnId}`)).status).toBe(200);
    const missing = `ret_${'0'.repeat(32)}`;
    const reference = notFoundShape(await asCustomer(alice.token, `/returns/${missing}`), missing);
    expect(reference).toMatchObject({ status: 404, contentType: 'application/problem+json' });
    for (const id of [bob.returnId, elsewhere.returnId, ...lookalikes(alice.returnId), ...lookalikes(bob.returnId)]) {
      expect(notFoundShape(await asCustomer(alice.token, `/returns/${id}`), id), id).toEqual(reference);
    }
  });

  it('cannot declare a parcel on Bob’s return or on one at another shop', async () => {
    const missing = `ret_${'0'.repeat(32)}`;
    const shipment = JSON.stringify({ trackingNumber: '1Z999AA10123456784', carrierCode: 'ups' });
    const reference = notFoundShape(await asCustomer(alice.token, `/returns/${missing}/shipment`, { method: 'POST', body: shipment }), missing);
    expect(reference.status).toBe(404);
    for (const id of [bob.returnId, elsewhere.returnId, ...lookalikes(bob.returnId)]) {
      expect(notFoundShape(await asCustomer(alice.token, `/returns/${id}/shipment`, { method: 'POST', body: shipment }), id), id).toEqual(reference);
    }
    // Bob still sees his return waiting for a parcel, with no tracking.
    const bobs = await asCustomer(bob.token, `/returns/${bob.returnId}`);
    expect(bobs.status).toBe(200);
    expect(bobs.body.tracking).toBeUndefined();
  });

  it('gets the same 404 for claim decisions that are not hers', async () => {
    const missing = `dec_${'0'.repeat(32)}`;
    const reference = notFoundShape(await asCustomer(alice.token, `/claims/${missing}`), missing);
    expect(reference).toMatchObject({ status: 404, contentType: 'application/problem+json' });
    for (const id of [bob.returnId, `dec_${randomUUID().replaceAll('-', '')}`, '1', '../returns']) {
      expect(notFoundShape(await asCustomer(alice.token, `/claims/${encodeURIComponent(id)}`), id), id).toEqual(reference);
      const choice = await asCustomer(alice.token, `/claims/${encodeURIComponent(id)}/choice`, { method: 'POST', body: JSON.stringify({ kind: 'full_refund' }) });
      expect(choice.status, id).toBe(404);
    }
  });

  it('changed none of the records she guessed at', async () => {
    await settle();
    const after = fixtureItems(await snapshotTables());
    expect(changesBetween(before, after).map((change) => change.key)).toEqual([]);
  });
});
