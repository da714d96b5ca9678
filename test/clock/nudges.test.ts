// Nudges on real Scheduler timers in the local stack, driven by the local clock: a delivered
// Shopify order of a product with a 3-day cycle gets its replenishment email at the cycle's end,
// not before, once; the same with an open return is suppressed (open_return, no email); a lapsed
// customer gets win-back step 0, then step 1, and nothing more once they order again.
// The product is one only this file configures; the shop's settings are put back afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailsTo } from '../integration/notification-support.ts';
import { buyer, deliveredOrder, iso, nudgeEvents, orderOf, publishCampaignSettings, withCycle } from '../integration/nudge-support.ts';
import { api, eventually, sendShopify, settle } from '../integration/support.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const base = 9_400_000 + Math.floor(Math.random() * 90_000);
const product = String(900_000_000 + Math.floor(Math.random() * 90_000_000));
const otherProduct = String(Number(product) + 1);
const happy = buyer(base, `nudge-clock-${randomUUID().slice(0, 8)}@example.com`);
const returning = buyer(base + 1, `nudge-clock-ret-${randomUUID().slice(0, 8)}@example.com`);
const lapsed = buyer(base + 2, `nudge-clock-wb-${randomUUID().slice(0, 8)}@example.com`);
let t0 = 0;
let previous: any;

const clockNow = async () => Date.parse((await api('/_local/clock')).body.now);
const setClock = async (at: number) => {
  const { status, body } = await api('/_local/clock', { method: 'POST', json: { set: new Date(at).toISOString() } });
  expect(status, JSON.stringify(body)).toBe(200);
  await settle();
};
const nudgeEmails = async (who: { email: string }) => (await emailsTo(who.email)).filter((mail) => String(mail.subject).startsWith('Running low on'));
const winbackEmails = async (who: { email: string }) => (await emailsTo(who.email)).filter((mail) => String(mail.subject).startsWith('We miss you'));

beforeAll(async () => {
  // 10:00 UTC (the demo shop's zone), so no step falls in the quiet hours marketing waits out.
  const now = await clockNow();
  t0 = new Date(now).setUTCHours(10, 0, 0, 0);
  if (t0 <= now) t0 += DAY;
  await setClock(t0);
  previous = (await publishCampaignSettings((settings) => settings, 'Read before the nudge clock test')).settings;
  await publishCampaignSettings(
    (settings) => ({
      ...withCycle(product, 3)(settings),
      winback: { enabled: true, afterDaysWithoutOrder: 14, steps: [{ waitDays: 0 }, { waitDays: 2 }, { waitDays: 2 }] },
      suppression: { ...settings.suppression, frequencyCap: { count: 10, days: 14 } },
    }),
    'Nudge clock test: a 3-day cycle, a quick win-back',
  );
  for (const who of [happy, returning]) await deliveredOrder(who, product, { placedAt: iso(t0 - 60 * MINUTE), deliveredAt: iso(t0) });
  // Delivered (an order still travelling would be a delay: no marketing then), of a product without a cycle.
  await deliveredOrder(lapsed, otherProduct, { placedAt: iso(t0 - 12 * DAY), deliveredAt: iso(t0 - 10 * DAY) });
  await settle();
  const { status, body } = await api('/returns', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: returning.number, email: returning.email, lines: [{ lineItemId: String(returning.orderId * 10 + 1), quantity: 1, reason: 'changed_mind', resolution: 'store_credit' }] } });
  expect(status, JSON.stringify(body)).toBe(201);
  await settle();
}, 120_000);

afterAll(async () => {
  if (previous) await publishCampaignSettings((settings) => ({ ...settings, winback: previous.winback, suppression: previous.suppression }), 'Nudge clock test done');
});

describe('nudges on the clock', () => {
  it('sends win-back step 0 when the customer has lapsed, and no replenishment before the cycle ends', async () => {
    await setClock(t0 + 2 * DAY + MINUTE);
    expect(await eventually(async () => ((await winbackEmails(lapsed)).length === 1 ? true : undefined), { what: 'win-back step 0' })).toBe(true);
    await setClock(t0 + 3 * DAY - MINUTE);
    expect(await nudgeEmails(happy)).toEqual([]);
  });

  it('sends the replenishment email at the cycle’s end, once; suppresses it for the customer with an open return', async () => {
    await setClock(t0 + 3 * DAY + MINUTE);
    const sent = await eventually(async () => ((await nudgeEmails(happy)).length > 0 ? nudgeEmails(happy) : undefined), { what: 'the replenishment email' });
    expect(sent).toHaveLength(1);
    expect(String(sent[0].subject)).toBe('Running low on Tent stakes?');
    const suppressed = await eventually(async () => (await nudgeEvents('NudgeSuppressed', { customerId: String(returning.customerId) }))[0], { what: 'NudgeSuppressed' });
    expect(suppressed.detail).toMatchObject({ kind: 'replenishment', reason: 'open_return', orderId: String(returning.orderId) });
    expect(await nudgeEmails(returning)).toEqual([]);
  });

  it('sends win-back step 1 two days after step 0, and stops when the customer orders', async () => {
    await setClock(t0 + 4 * DAY + 10 * MINUTE);
    await eventually(async () => ((await winbackEmails(lapsed)).length === 2 ? true : undefined), { what: 'win-back step 1' });
    await sendShopify('orders/create', orderOf({ ...lapsed, orderId: lapsed.orderId + 10 }, otherProduct, iso(t0 + 4 * DAY + 10 * MINUTE)));
    await settle();
    await setClock(t0 + 6 * DAY + 30 * MINUTE);
    expect(await winbackEmails(lapsed)).toHaveLength(2);
    expect(await nudgeEvents('NudgeSent', { customerId: String(lapsed.customerId) })).toHaveLength(2);
    // Still once.
    expect(await nudgeEmails(happy)).toHaveLength(1);
  });
});
