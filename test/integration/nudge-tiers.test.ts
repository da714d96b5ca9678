// VIP tiers, conversions and customer facts through the local stack. A consenting customer's
// Shopify orders push them into Silver, then Gold: each upgrade publishes CustomerTierChanged and
// the thank-you lands in the local mailbox; a storefront refund takes them back down to Silver.
// An order placed after a nudge was sent (seeded as the sender writes it) publishes NudgeConverted
// once and shows in getKpis with its revenue. The customer facts reader sees the tier, an open
// return, an open delay, a support case until it is resolved, and survey scores.
//
// The demo shop is in UTC, where marketing waits out quiet hours (21:00 to 08:00): the customer's
// record gets a time zone where it is midday now, so the thank-you is never held back.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CustomerFactsReader } from '../../shared/adapters/customer-facts.ts';
import { DelayStore } from '../../shared/adapters/delay-store.ts';
import { customerKey } from '../../shared/adapters/ingest-store.ts';
import { ReturnStore } from '../../shared/adapters/return-store.ts';
import { CaseOpened, CaseResolved } from '../../shared/events/cases.ts';
import type { EventDefinition } from '../../shared/events/define.ts';
import { SurveyAnswered } from '../../shared/events/surveys.ts';
import type { DelayWatch } from '../../shared/delays/watch.ts';
import { ReturnCase } from '../../shared/returns/case.ts';
import { shopifyOrder, shopifyRefund } from '../support/shopify-payloads.ts';
import { emailsTo } from './notification-support.ts';
import { api, clients, eventually, opsToken, resourceName, sendShopify, settle } from './support.ts';

const shopId = 'demo-shopify';
const table = resourceName('BackboneStateTable');
const busName = resourceName('BackboneBus');
const facts = new CustomerFactsReader(clients.dynamo, table);
const base = 9_300_000 + Math.floor(Math.random() * 600_000) * 10;
const customerId = 7_700_000_000 + base;
const email = `vip-${randomUUID().slice(0, 8)}@example.com`;
/** Each order of shopifyOrder is 303.22 USD: 303 points. Silver from 500, Gold from 1500. */
const orderIds = [1, 2, 3, 4, 5, 6].map((offset) => base + offset);
let now = 0;

const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
const order = (orderId: number, minutesAgo: number) => shopifyOrder({ orderId, customerId, email, createdAt: iso(now - minutesAgo * 60_000) });

async function busEvents(detailType: string, match: (detail: any) => boolean): Promise<any[]> {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.map((event: any) => event.detail).filter(match);
}

const tierChanges = () => busEvents('CustomerTierChanged', (detail) => detail.customer.id === String(customerId));
const thankYouMail = (tierName: string) => eventually(async () => (await emailsTo(email)).find((mail) => String(mail.subject).includes(`now a ${tierName} member`)), { what: `the ${tierName} thank-you`, timeoutMs: 30_000 });

async function publish(definition: EventDefinition, detail: Record<string, unknown>) {
  definition.detail.parse(detail);
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: definition.source, DetailType: definition.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
}

/** An Etc/GMT zone where the hour is about noon at `at` (Etc/GMT-5 is UTC+5). */
function middayZone(at: number): string {
  const offset = 12 - new Date(at).getUTCHours();
  return offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

beforeAll(async () => {
  now = Date.parse((await api('/_local/clock')).body.now);
  const first = order(orderIds[0]!, 60);
  await sendShopify('customers/update', first.customer);
  await settle();
  await clients.dynamo.send(
    new UpdateCommand({ TableName: table, Key: customerKey(shopId, String(customerId)), UpdateExpression: 'SET #state.#zone = :zone', ExpressionAttributeNames: { '#state': 'state', '#zone': 'timeZone' }, ExpressionAttributeValues: { ':zone': middayZone(now) } }),
  );
});

describe('the VIP tier keeper', () => {
  it('moves a consenting customer up to Silver, then Gold, and thanks them each time', async () => {
    for (const [index, orderId] of orderIds.slice(0, 2).entries()) await sendShopify('orders/create', order(orderId, 60 - index));
    const silver = await eventually(async () => (await tierChanges()).find((detail) => detail.tier.id === 'silver'), { what: 'the Silver upgrade' });
    expect(silver).toMatchObject({ direction: 'upgrade', previousTier: null, tier: { id: 'silver', rank: 0 }, basis: { ordersCount: 2, lifetimeSpend: { amount: 60_644, currency: 'USD' } } });
    const silverMail = await thankYouMail('Silver');
    expect(silverMail.subject).toBe("Thank you! You're now a Silver member");
    expect(silverMail.body.text).toContain('5% off every order');

    for (const [index, orderId] of orderIds.slice(2, 5).entries()) await sendShopify('orders/create', order(orderId, 50 - index));
    const gold = await eventually(async () => (await tierChanges()).find((detail) => detail.tier.id === 'gold'), { what: 'the Gold upgrade' });
    expect(gold).toMatchObject({ direction: 'upgrade', previousTier: { id: 'silver', rank: 0 }, tier: { id: 'gold', rank: 1 }, basis: { ordersCount: 5 } });
    expect((await thankYouMail('Gold')).body.text).toContain('Your requests handled within 24 hours');
    await settle();
    expect(await tierChanges()).toHaveLength(2);
    expect(await facts.tier(shopId, String(customerId))).toEqual({ id: 'gold', rank: 1 });
  }, 120_000);

  it('takes the customer back down to Silver when a storefront refund arrives, without a message', async () => {
    await sendShopify('refunds/create', shopifyRefund({ refundId: base + 90, orderId: orderIds[4]!, amount: '268.92', createdAt: iso(now - 30 * 60_000) }));
    const down = await eventually(async () => (await tierChanges()).find((detail) => detail.direction === 'downgrade'), { what: 'the downgrade' });
    expect(down).toMatchObject({ tier: { id: 'silver', rank: 0 }, previousTier: { id: 'gold', rank: 1 }, basis: { ordersCount: 5 } });
    expect(await facts.tier(shopId, String(customerId))).toEqual({ id: 'silver', rank: 0 });
    await settle();
    // The Silver thank-you came once: climbing back is not thanked again, dropping never is.
    expect((await emailsTo(email)).filter((mail) => String(mail.subject).includes('Silver'))).toHaveLength(1);
  });
});

describe('nudge conversions', () => {
  it('attribute an order placed within the window after a sent nudge, once, and count it in the KPIs', async () => {
    const viewer = await opsToken('viewer');
    const period = `shopId=${shopId}&from=${new Date(now - 86_400_000).toISOString()}&to=${new Date(now + 2 * 86_400_000).toISOString()}`;
    const kpis = async () => (await api(`/ops/kpis?${period}`, { headers: { authorization: `Bearer ${viewer}` } })).body.nudges;
    await settle();
    const before = await kpis();
    const nudgeId = `ndg-it-${randomUUID().slice(0, 8)}`;
    // The sender's record of a win-back that went out yesterday (NudgeStore's layout).
    await clients.dynamo.send(
      new PutCommand({
        TableName: table,
        Item: { pk: `NUDGES#${shopId}#${customerId}`, sk: nudgeId, shopId, customerId: String(customerId), nudgeId, kind: 'winback', campaignId: 'winback', status: 'sent', dueAt: iso(now - 86_400_000), sentAt: iso(now - 86_400_000), channel: 'email', step: 0, tierId: 'gold', version: 2 },
      }),
    );
    const orderId = String(orderIds[5]);
    await sendShopify('orders/create', order(orderIds[5]!, 10));
    const converted = await eventually(async () => (await busEvents('NudgeConverted', (detail) => detail.orderId === orderId))[0], { what: 'NudgeConverted' });
    expect(converted).toMatchObject({ nudgeId, campaignId: 'winback', kind: 'winback', customer: { id: String(customerId) }, revenue: { amount: 30_322, currency: 'USD' }, tierId: 'gold' });
    // The same order updated is no second conversion.
    await sendShopify('orders/updated', { ...order(orderIds[5]!, 10), updated_at: iso(now - 5 * 60_000), tags: 'vip, returning' });
    await settle();
    expect(await busEvents('NudgeConverted', (detail) => detail.orderId === orderId)).toHaveLength(1);
    const revenueOf = (nudges: any) => nudges.revenue.find((money: any) => money.currency === 'USD')?.amount ?? 0;
    const after = await eventually(async () => {
      const current = await kpis();
      return current.conversions > before.conversions ? current : undefined;
    }, { what: 'the conversion in the KPIs' });
    // Other files' nudges may convert in the demo shop meanwhile: at least this one counted.
    expect(after.conversions).toBeGreaterThanOrEqual(before.conversions + 1);
    expect(revenueOf(after)).toBeGreaterThanOrEqual(revenueOf(before) + 30_322);
  });
});

describe('the customer facts reader', () => {
  it('finds an open return, an open delay and a support case until it is resolved', async () => {
    const at = new Date(now - 20 * 60_000).toISOString();
    const returnId = `ret-${randomUUID().slice(0, 8)}`;
    const returnCase = ReturnCase.parse({
      id: returnId,
      shopId,
      orderId: String(orderIds[0]),
      orderNumber: String(orderIds[0]! % 100_000),
      customer: { id: String(customerId), email, locale: 'en-US' },
      status: 'in_transit',
      lines: [{ lineItemId: String(orderIds[0]! * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'refund' }],
      createdAt: at,
      updatedAt: at,
      version: 2,
      deadlines: { slaDueAt: new Date(now + 86_400_000).toISOString() },
      history: [],
      timers: [],
    });
    await new ReturnStore(clients.dynamo, table).create(returnCase, 0, []);
    // A delay detected on the customer's second order, written as the delay watch writes it.
    const delays = new DelayStore(clients.dynamo, table);
    const stored = await eventually(() => delays.get(shopId, String(orderIds[1])), { what: 'the delay watch' });
    const delayId = `dly-it-${randomUUID().slice(0, 8)}`;
    const delayed: DelayWatch = { ...stored.watch, delays: [...stored.watch.delays, { delayId, key: `it#${delayId}`, reason: 'not_shipped_in_time', severity: 'medium', detectedBy: 'staff', detectedAt: at }] };
    const delayedVersion = await delays.save(delayed, stored.version, []);
    const caseId = `case-it-${randomUUID().slice(0, 8)}`;
    const caseBase = { version: 1, shopId, caseId, customer: { id: String(customerId), email, locale: 'en-US' }, orderId: String(orderIds[0]) };
    await publish(CaseOpened, { ...caseBase, occurredAt: at, topic: 'complaint', priority: 'high', subject: 'Still waiting', channel: 'email', openedBy: { kind: 'customer', id: String(customerId) } });

    const open = await eventually(async () => {
      const cases = await facts.openCases(shopId, String(customerId), new Date(now));
      return cases.some((openCase) => openCase.kind === 'complaint') ? cases : undefined;
    }, { what: 'the open support case' });
    expect(open).toEqual(
      expect.arrayContaining([
        { kind: 'return', id: returnId, openedAt: at },
        { kind: 'delay', id: delayId, openedAt: at },
        { kind: 'complaint', id: caseId, openedAt: at },
      ]),
    );

    await publish(CaseResolved, { ...caseBase, occurredAt: new Date(now).toISOString(), resolution: 'explained', resolvedBy: { kind: 'staff', id: 'staff-1' } });
    await eventually(async () => ((await facts.openCases(shopId, String(customerId), new Date(now))).some((openCase) => openCase.kind === 'complaint') ? undefined : true), { what: 'the case resolved' });
    // The delay resolved again, so the demo shop's open delays other files list are as they were.
    await delays.save({ ...delayed, delays: delayed.delays.map((delay) => (delay.delayId === delayId ? { ...delay, resolvedAt: new Date(now).toISOString() } : delay)) }, delayedVersion, []);
    expect((await facts.openCases(shopId, String(customerId), new Date(now))).map((openCase) => openCase.kind)).toEqual(['return']);
  });

  it('lists the customer’s survey scores, newest first', async () => {
    // A shop of its own: survey answers count in the KPIs other files read for the demo shop.
    const surveyShop = `it-tiers-${randomUUID().slice(0, 8)}`;
    const survey = (surveyId: string, score: number, minutesAgo: number) => ({ version: 1, shopId: surveyShop, surveyId, customer: { id: String(customerId), email, locale: 'en-US' }, kind: 'csat', occurredAt: new Date(now - minutesAgo * 60_000).toISOString(), score });
    await publish(SurveyAnswered, survey(`srv-it-${randomUUID().slice(0, 8)}`, 2, 40));
    await publish(SurveyAnswered, survey(`srv-it-${randomUUID().slice(0, 8)}`, 5, 20));
    const scores = await eventually(async () => {
      const found = await facts.surveyScores(surveyShop, String(customerId));
      return found.length === 2 ? found : undefined;
    }, { what: 'both survey scores' });
    expect(scores).toEqual([
      { kind: 'csat', score: 5, answeredAt: new Date(now - 20 * 60_000).toISOString() },
      { kind: 'csat', score: 2, answeredAt: new Date(now - 40 * 60_000).toISOString() },
    ]);
  });
});
