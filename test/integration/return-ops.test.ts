// The returns desk through the ops API on the local stack: a case the policy approved cannot be
// approved again; with a shop that reviews every return (policy `autoApprove: false`), viewers
// cannot act, two agents racing to approve and reject get one 200 and one 409, the winner's event
// and customer message go out, the list filters, receipt and inspection record restock flags, and
// every action is in the audit trail with its actor and reason.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { defaultReturnPolicy } from '../../shared/returns/policy.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, clients, endpoints, opsToken, resourceName, settle, sendShopify } from './support.ts';

const shopId = 'demo-generic';
const clientFor = async (role: 'viewer' | 'agent' | 'supervisor') => createApiClient({ baseUrl: endpoints.api, token: await opsToken(role) });

async function sendGeneric(type: string, data: Record<string, unknown>, now: Date) {
  const body = JSON.stringify({ id: `evt_${randomUUID()}`, type, occurredAt: now.toISOString(), data });
  const response = await fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) }, body });
  expect(response.status, await response.text()).toBe(200);
}

const money = (amount: number) => ({ amount, currency: 'USD' });
const orderId = `RO-${randomUUID().slice(0, 8)}`;
const orderNumber = `#${orderId}`;
const email = `desk-${randomUUID().slice(0, 8)}@example.com`;
const lines = [`${orderId}-1`, `${orderId}-2`];

beforeAll(async () => {
  // This shop reviews every return: accepted requests wait, `requested`, for an agent.
  await clients.dynamo.send(new PutCommand({ TableName: resourceName('BackboneStateTable'), Item: { pk: `POLICY#${shopId}#returns`, sk: 'CURRENT', policy: { ...defaultReturnPolicy, autoApprove: false } } }));
  const now = new Date((await api('/_local/clock')).body.now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const line = (lineId: string, title: string) => ({ lineId, title, quantity: 1, unitPrice: money(2000), discount: money(0), tax: money(0), total: money(2000), requiresShipping: true });
  await sendGeneric('order.placed', {
    orderId,
    orderNumber,
    createdAt: daysAgo(6),
    currency: 'USD',
    customer: { id: `cus_${orderId}`, email, firstName: 'Ada', locale: 'en-US' },
    lines: [line(lines[0]!, 'Trail tent 2P'), line(lines[1]!, 'Camp stove')],
    totals: { subtotal: money(4000), discounts: money(0), shipping: money(0), tax: money(0), total: money(4000) },
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    fulfillments: [{ fulfillmentId: `SHP-${orderId}`, status: 'success', shipmentStatus: 'delivered', trackingNumbers: [], trackingUrls: [], lines: lines.map((lineId) => ({ lineId, quantity: 1 })), createdAt: daysAgo(5), deliveredAt: daysAgo(3) }],
  }, now);
  await settle();
});

const requestReturn = async (lineItemId: string) => {
  const { status, body } = await api('/returns', { method: 'POST', json: { shopId, orderNumber, email, lines: [{ lineItemId, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
};

const notificationsOf = async (returnId: string) => ((await api('/_local/events?detailType=NotificationRequested')).body.events as any[]).filter((event) => event.detail.returnId === returnId);

describe('the returns desk', () => {
  it('refuses to approve again a return the policy approved (409 invalid_transition)', async () => {
    const shopifyId = 9_200_000 + Math.floor(Math.random() * 90_000);
    const shopifyEmail = `auto-${randomUUID().slice(0, 8)}@example.com`;
    const now = Date.parse((await api('/_local/clock')).body.now);
    const iso = (days: number) => new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await sendShopify('orders/create', shopifyOrder({ orderId: shopifyId, email: shopifyEmail, createdAt: iso(6) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: shopifyId + 5, orderId: shopifyId, shipmentStatus: 'delivered', createdAt: iso(5), updatedAt: iso(3) }));
    await settle();
    const { status, body } = await api('/returns', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: String(shopifyId % 100_000), email: shopifyEmail, lines: [{ lineItemId: String(shopifyId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.status).toBe('approved');
    const agent = await clientFor('agent');
    const again = await agent.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId: body.id }, query: { shopId: 'demo-shopify' } }, body: {} });
    expect(again.response.status).toBe(409);
    expect(again.error?.detail).toMatch(/^invalid_transition/);
    const read = await agent.GET('/ops/returns/{caseId}', { params: { path: { caseId: body.id }, query: { shopId: 'demo-shopify' } } });
    expect(read.data).toMatchObject({ status: 'approved', version: 1, deadlines: { shipBy: expect.any(String) } });
    expect(read.data?.timers.length).toBeGreaterThan(0);
  });

  let caseId: string;

  it('leaves a request `requested` when the shop reviews returns, and a viewer cannot approve it', async () => {
    const created = await requestReturn(lines[0]!);
    expect(created.status).toBe('requested');
    caseId = created.id;
    const viewer = await clientFor('viewer');
    const read = await viewer.GET('/ops/returns/{caseId}', { params: { path: { caseId }, query: { shopId } } });
    expect(read.data).toMatchObject({ id: caseId, status: 'requested', version: 0, slaBreached: false, history: [expect.objectContaining({ action: 'request' })] });
    const refused = await viewer.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: {} });
    expect(refused.response.status).toBe(403);
  });

  it('lets exactly one of a concurrent approve and reject win; the other gets 409', async () => {
    const [agentA, agentB] = await Promise.all([clientFor('agent'), clientFor('agent')]);
    const [approved, rejected] = await Promise.all([
      agentA.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: { reason: 'Looks fine' } }),
      agentB.POST('/ops/returns/{caseId}/reject', { params: { path: { caseId }, query: { shopId } }, body: { reason: 'Worn outdoors', rule: 'used_or_damaged' } }),
    ]);
    const winner = approved.response.status === 200 ? 'approved' : 'rejected';
    const loser = approved.response.status === 200 ? rejected : approved;
    expect([approved.response.status, rejected.response.status].filter((status) => status === 200)).toHaveLength(1);
    // The loser lost the race (409), or, an approval that arrived after the rejection, is an
    // override only a supervisor may make (403).
    expect(loser.error).toMatchObject({ status: winner === 'rejected' ? expect.toBeOneOf([409, 403]) : 409 });

    await settle();
    const detailType = winner === 'approved' ? 'ReturnApproved' : 'ReturnRejected';
    const published = ((await api(`/_local/events?detailType=${detailType}`)).body.events as any[]).filter((event) => event.detail.returnId === caseId);
    expect(published).toHaveLength(1);
    const messages = await notificationsOf(caseId);
    expect(messages.map((event) => event.detail.deduplicationKey)).toContain(`return_${winner}:${caseId}`);
    expect(messages.map((event) => event.detail.deduplicationKey)).not.toContain(`return_${winner === 'approved' ? 'rejected' : 'approved'}:${caseId}`);

    if (winner === 'rejected') {
      // The override is a supervisor's, with a reason.
      const agent = await clientFor('agent');
      expect((await agent.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: { reason: 'Customer called' } })).response.status).toBe(403);
      const supervisor = await clientFor('supervisor');
      const noReason = await supervisor.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: {} });
      expect(noReason.response.status).toBe(400);
      const overridden = await supervisor.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: { reason: 'Customer called' } });
      expect(overridden.data?.status).toBe('approved');
    }
  });

  it('refuses to approve an approved return (409 invalid_transition)', async () => {
    const agent = await clientFor('agent');
    const again = await agent.POST('/ops/returns/{caseId}/approve', { params: { path: { caseId }, query: { shopId } }, body: {} });
    expect(again.response.status).toBe(409);
    expect(again.error?.detail).toMatch(/invalid_transition/);
  });

  it('lists the case with filters', async () => {
    const viewer = await clientFor('viewer');
    const ids = async (query: Record<string, unknown>) => (await viewer.GET('/ops/returns', { params: { query: { shopId, limit: 100, ...query } } })).data!.items.map((item) => item.id);
    expect(await ids({})).toContain(caseId);
    expect(await ids({ status: 'approved', reason: 'changed_mind' })).toContain(caseId);
    expect(await ids({ status: 'requested' })).not.toContain(caseId);
    expect(await ids({ reason: 'damaged' })).not.toContain(caseId);
    expect(await ids({ slaBreached: 'true' })).not.toContain(caseId);
    expect(await ids({ olderThanHours: 48 })).not.toContain(caseId);
  });

  it('records the receipt then the inspection, with restock flags', async () => {
    const agent = await clientFor('agent');
    const received = await agent.POST('/ops/returns/{caseId}/receipt', { params: { path: { caseId }, query: { shopId } }, body: { reason: 'Dropped off in store' } });
    expect(received.data).toMatchObject({ status: 'received', timers: [] });
    const badLines = await agent.POST('/ops/returns/{caseId}/inspection', { params: { path: { caseId }, query: { shopId } }, body: { lines: [{ lineItemId: lines[1]!, condition: 'as_new' }] } });
    expect(badLines.response.status).toBe(400);
    const inspected = await agent.POST('/ops/returns/{caseId}/inspection', { params: { path: { caseId }, query: { shopId } }, body: { lines: [{ lineItemId: lines[0]!, condition: 'damaged', note: 'Torn fly' }] } });
    expect(inspected.data).toMatchObject({ status: 'inspected', lines: [expect.objectContaining({ lineItemId: lines[0], condition: 'damaged', restock: false })] });
    await settle();
    const inspectedEvents = ((await api('/_local/events?detailType=ReturnInspected')).body.events as any[]).filter((event) => event.detail.returnId === caseId);
    expect(inspectedEvents[0]?.detail).toMatchObject({ outcome: 'passed', lines: [expect.objectContaining({ condition: 'damaged', restock: false, note: 'Torn fly' })] });
  });

  it('has every action in the audit trail, with actor and reason', async () => {
    const viewer = await clientFor('viewer');
    const audit = await viewer.GET('/ops/audit', { params: { query: { shopId, subjectType: 'return', subjectId: caseId } } });
    const actions = audit.data!.items.map((record) => record.action);
    expect(actions.slice(0, 2)).toEqual(['return.inspect', 'return.receive']);
    expect(actions).toContain('return.approve');
    expect(audit.data!.items[1]).toMatchObject({ reason: 'Dropped off in store', actor: expect.objectContaining({ role: 'agent' }), before: expect.objectContaining({ status: 'approved' }), after: expect.objectContaining({ status: 'received' }) });
    const decision = audit.data!.items.at(-1)!;
    expect(decision).toMatchObject({ actor: expect.objectContaining({ role: 'agent', sub: expect.any(String) }), reason: expect.stringMatching(/Looks fine|Worn outdoors/) });
    expect(decision.subjects.map((subject) => subject.type)).toEqual(['return', 'order', 'customer']);
  });
});
