// What the browser tests act on, put in place through the local stack as the integration tests do:
// a return waiting for an agent, a refund decision waiting for a supervisor, a quarantined delivery,
// follow-up cases of customers in different tiers.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { customerTierKey } from '../../shared/adapters/customer-tier-store.ts';
import { followUpCasePut } from '../../shared/adapters/follow-up-case-store.ts';
import { IngestStore } from '../../shared/adapters/ingest-store.ts';
import { RefundDecisionStore } from '../../shared/adapters/refund-decision-store.ts';
import { applyFulfillment, applyOrder, emptyOrderState } from '../../shared/ingest/order-state.ts';
import { Claim, CustomerHistory } from '../../shared/refunds/claim.ts';
import { newDecisionRecord, type DecisionRecord } from '../../shared/refunds/decision-record.ts';
import { decideRefund } from '../../shared/refunds/engine.ts';
import { RefundRules } from '../../shared/refunds/rules.ts';
import { defaultReturnPolicy } from '../../shared/returns/policy.ts';
import { normalizeShopify } from '../../shared/storefronts/shopify.ts';
import { openFollowUpCase } from '../../shared/surveys/follow-up-case.ts';
import { followUpCaseIdFor, type SurveyRecord } from '../../shared/surveys/survey.ts';
import { signBase64BodyHmac, signGeneric } from '../../shared/webhooks/signatures.ts';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { api, endpoints, resourceName, settle } from '../integration/support.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const dynamo = () =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), { marshallOptions: { removeUndefinedValues: true } });
const localNow = async () => Date.parse((await api('/_local/clock')).body.now);
const isoDaysBefore = (now: number, days: number) => new Date(now - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A delivered order of `shopId` (a generic storefront shop whose policy reviews every return) and a return of one line, `requested`. */
export async function requestedReturn(shopId: string): Promise<{ caseId: string; orderNumber: string; customerId: string; email: string; phone: string }> {
  await dynamo().send(new PutCommand({ TableName: resourceName('BackboneStateTable'), Item: { pk: `POLICY#${shopId}#returns`, sk: 'CURRENT', policy: { ...defaultReturnPolicy, autoApprove: false } } }));
  const now = await localNow();
  const orderId = `BR-${randomUUID().slice(0, 8)}`;
  const email = `browser-${randomUUID().slice(0, 8)}@example.com`;
  const phone = `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
  const lineId = `${orderId}-1`;
  const body = JSON.stringify({
    id: `evt_${randomUUID()}`,
    type: 'order.placed',
    occurredAt: new Date(now).toISOString(),
    data: {
      orderId,
      orderNumber: `#${orderId}`,
      createdAt: isoDaysBefore(now, 6),
      currency: 'USD',
      customer: { id: `cus_${orderId}`, email, phone, firstName: 'Ada', locale: 'en-US' },
      lines: [{ lineId, title: 'Trail tent 2P', quantity: 1, unitPrice: usd(2000), discount: usd(0), tax: usd(0), total: usd(2000), requiresShipping: true }],
      totals: { subtotal: usd(2000), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(2000) },
      financialStatus: 'paid',
      fulfillmentStatus: 'fulfilled',
      fulfillments: [{ fulfillmentId: `SHP-${orderId}`, status: 'success', shipmentStatus: 'delivered', trackingNumbers: [], trackingUrls: [], lines: [{ lineId, quantity: 1 }], createdAt: isoDaysBefore(now, 5), deliveredAt: isoDaysBefore(now, 3) }],
    },
  });
  const response = await fetch(`${endpoints.api}/webhooks/generic`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now / 1000)) },
    body,
  });
  if (response.status !== 200) throw new Error(`order.placed answered ${response.status}: ${await response.text()}`);
  await settle();
  const created = await api('/returns', { method: 'POST', json: { shopId, orderNumber: `#${orderId}`, email, lines: [{ lineItemId: lineId, quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
  if (created.status !== 201 || created.body.status !== 'requested') throw new Error(`POST /returns answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { caseId: created.body.id, orderNumber: `#${orderId}`, customerId: `cus_${orderId}`, email, phone };
}

/** A refund decision the engine left for a supervisor (above the threshold), in a shop of its own. */
export async function decisionAwaitingSupervisor(shopId: string): Promise<DecisionRecord> {
  const table = resourceName('BackboneStateTable');
  const client = dynamo();
  const now = await localNow();
  const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
  const email = `browser-refund-${randomUUID().slice(0, 8)}@example.com`;
  const context = { shopId, defaultLocale: 'en', receivedAt: isoDaysBefore(now, 0) };
  const placed = normalizeShopify('orders/create', shopifyOrder({ orderId, email, createdAt: isoDaysBefore(now, 10) }), context);
  const shipped = normalizeShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: orderId + 5, orderId, shipmentStatus: 'delivered', createdAt: isoDaysBefore(now, 9), updatedAt: isoDaysBefore(now, 7) }), context);
  if (placed.kind !== 'order' || shipped.kind !== 'fulfillment') throw new Error('unexpected mapping');
  const state = applyFulfillment(applyOrder(emptyOrderState(shopId, String(orderId)), placed.order)!.next, shipped.fulfillment)!.next;
  const deliveryKey = `DELIVERY#${shopId}#shopify#${randomUUID()}`;
  await client.send(new PutCommand({ TableName: table, Item: { pk: deliveryKey, sk: 'DELIVERY', status: 'received' } }));
  await new IngestStore(client, table).commit({ order: state, events: [], deliveryKey });
  const order = { ...state.order!, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };

  const rules = RefundRules.parse({ version: 4, approval: { autoApproveUpTo: [usd(5000)], supervisorAbove: [usd(10000)] }, keepIt: { returnShippingCost: [usd(800)] } });
  const returnId = `ret-${randomUUID().slice(0, 8)}`;
  const decidedAt = new Date(now - 60_000);
  const decision = decideRefund({
    decisionId: `dec_${returnId}`,
    now: decidedAt.toISOString(),
    claim: Claim.parse({ kind: 'return_inspection', returnId, lines: [{ lineId: String(orderId * 10 + 1), quantity: 1, reason: 'not_as_described', condition: 'as_new', requested: 'refund' }] }),
    order,
    history: CustomerHistory.parse({ orders: 5, returns: 0 }),
    rules,
  });
  const record = newDecisionRecord(decision, { shopId, customer: { id: order.customer!.id!, email, locale: 'en' }, orderNumber: order.orderNumber, now: decidedAt });
  if (record.status !== 'awaiting_supervisor') throw new Error(`expected a decision awaiting a supervisor, got ${record.status}`);
  if (!(await new RefundDecisionStore(client, table).create(record, []))) throw new Error('the decision was not stored');
  return record;
}

/** An authentic Shopify delivery of a topic the platform does not handle: quarantined, re-drivable. */
export async function quarantinedDelivery(marker: string): Promise<string> {
  const body = JSON.stringify({ id: 3, title: marker });
  const response = await fetch(`${endpoints.api}/webhooks/shopify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-topic': 'products/create', 'x-shopify-shop-domain': 'demo-shop.myshopify.com', 'x-shopify-event-id': randomUUID(), 'x-shopify-hmac-sha256': signBase64BodyHmac(body, 'local-webhook-secret') },
    body,
  });
  if (response.status !== 400) throw new Error(`the delivery answered ${response.status}`);
  const { deliveryKey } = (await response.json()) as { deliveryKey: string };
  return Buffer.from(deliveryKey).toString('base64url');
}

/**
 * Three follow-up cases of low survey scores in a shop of their own, opened an hour apart, oldest
 * first: Ada (Gold), Ben (no tier), Cleo (Platinum). So the SLA order is Ada, Ben, Cleo and the
 * tier order Cleo, Ada, Ben.
 */
export async function followUpQueue(shopId: string): Promise<{ caseIds: string[]; customers: { name: string; email: string }[] }> {
  const table = resourceName('BackboneStateTable');
  const client = dynamo();
  const now = await localNow();
  const tag = randomUUID().slice(0, 8);
  const people = [
    { name: 'Ada', tier: { id: 'gold', rank: 1 }, points: 1650, score: 2, comment: 'The tent arrived torn and nobody answered my emails.' },
    { name: 'Ben', tier: null, points: 120, score: 1, comment: 'Refund took three weeks.' },
    { name: 'Cleo', tier: { id: 'platinum', rank: 2 }, points: 5400, score: 2, comment: 'The replacement was the wrong size again.' },
  ];
  const caseIds: string[] = [];
  for (const [index, person] of people.entries()) {
    const customerId = `cus-fu-${tag}-${index}`;
    const email = `${person.name.toLowerCase()}-${tag}@example.com`;
    const surveyId = `srv_fu${tag}${index}`;
    const opened = new Date(now - (3 - index) * 3_600_000);
    const followUp = openFollowUpCase(
      { shopId, surveyId, flow: 'return', returnId: `ret-fu-${tag}-${index}`, orderId: `ord-fu-${tag}-${index}`, orderNumber: `#FU${index + 1}-${tag}`, customer: { id: customerId, email, firstName: person.name, locale: 'en' } } as SurveyRecord,
      { score: person.score, comment: person.comment, followUpCaseId: followUpCaseIdFor(surveyId), subject: `Low score (${person.score}/5) after the return of order #FU${index + 1}-${tag}` },
      opened,
    );
    await client.send(new TransactWriteCommand({ TransactItems: [followUpCasePut(table, followUp)] }));
    await client.send(new PutCommand({ TableName: table, Item: { ...customerTierKey(shopId, customerId), shopId, customerId, tier: person.tier, points: person.points, orders: {}, version: 1, updatedAt: opened.toISOString() } }));
    caseIds.push(followUp.caseId);
  }
  return { caseIds, customers: people.map((person) => ({ name: person.name, email: `${person.name.toLowerCase()}-${tag}@example.com` })) };
}
