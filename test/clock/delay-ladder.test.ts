// The long-delay ladder on real Scheduler timers, driven by the local clock: an order that never
// ships is detected late, then (counted from its original deliver-by) gets the demo shops'
// courtesy discount at day 5 (one code from the fake storefront, one email carrying it), the
// reassurance step at day 11, and at day 25 one parcel claim for the refund engine
// (ParcelClaimFiled, source delay_ladder); each step once, nothing before its day. The duty team
// gets the daily digest of open delays (the digest schedule runs at rate(1 day) on the local clock).
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DelayWatch, TimerSlot } from '../../shared/delays/watch.ts';
import { shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from '../integration/notification-support.ts';
import { api, clients, eventually, resourceName, settle, sendShopify } from '../integration/support.ts';

const orderId = 9_600_000 + Math.floor(Math.random() * 90_000);
const number = String(orderId % 100_000);
const email = `ladder-${randomUUID().slice(0, 8)}@example.com`;
const shopId = 'demo-shopify';
const HOUR = 3_600_000;

const watchOf = async (): Promise<DelayWatch | undefined> =>
  (await clients.dynamo.send(new GetCommand({ TableName: resourceName('BackboneStateTable'), Key: { pk: `DELAYWATCH#${shopId}#${orderId}`, sk: 'WATCH' } }))).Item?.watch as DelayWatch | undefined;
const timerOf = async (slot: TimerSlot) => (await watchOf())?.timers.find((timer) => timer.slot === slot);
const claims = async () => (await api('/_local/events?detailType=ParcelClaimFiled')).body.events.filter((event: { detail: { orderId: string } }) => event.detail.orderId === String(orderId));
const courtesyMails = async () => (await emailsTo(email)).filter((mail) => String(mail.subject) === `A thank-you for your patience with order #${number}`);
const discounts = async () => (await api(`/_local/storefront/${shopId}/discounts`)).body.discounts.filter((d: { key: string }) => d.key === `delay-courtesy:${shopId}:${orderId}`);
const digests = async () => (await emailsTo(`duty@${shopId}.example`)).filter((mail) => String(mail.subject).includes('Daily delay digest'));
const clockNow = async () => Date.parse((await api('/_local/clock')).body.now);
const moveClock = async (json: { advance: string } | { set: string }) => {
  const { status, body } = await api('/_local/clock', { method: 'POST', json });
  expect(status, JSON.stringify(body)).toBe(200);
  await settle();
};
/** Straight to `at`: the local scheduler fires whatever fell due on the way, in order. */
async function moveTo(at: number) {
  if ((await clockNow()) < at) await moveClock({ set: new Date(at).toISOString() });
}
const dueOf = async (slot: TimerSlot) => Date.parse((await eventually(() => timerOf(slot), { what: `the ${slot} timer` })).dueAt);

beforeAll(async () => {
  const createdAt = new Date(await clockNow()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await sendShopify('orders/create', shopifyOrder({ orderId, email, createdAt }));
  await settle();
});

describe('the long-delay ladder', () => {
  it('arms the courtesy and ladder timers once the order is detected late', async () => {
    await moveTo((await dueOf('ship_by')) + HOUR);
    const watch = await eventually(async () => ((await watchOf())?.delays.length ? watchOf() : undefined), { what: 'the not-shipped delay' });
    expect(watch!.delays.map((d) => d.reason)).toEqual(['not_shipped_in_time']);
    const original = Date.parse(watch!.deadlines.originalDeliverBy!);
    expect(await dueOf('courtesy')).toBe(original + 5 * 86_400_000);
    expect(await dueOf('ladder1')).toBe(original + 11 * 86_400_000);
    expect(await dueOf('ladder2')).toBe(original + 25 * 86_400_000);
  });

  it('gives one courtesy code at day 5, not before, in one email', async () => {
    const due = await dueOf('courtesy');
    await moveTo(due - HOUR);
    expect(await discounts()).toEqual([]);
    expect(await courtesyMails()).toEqual([]);
    await moveClock({ set: new Date(due + HOUR).toISOString() });
    const [mail] = await eventually(async () => ((await courtesyMails()).length > 0 ? courtesyMails() : undefined), { what: 'the courtesy email' });
    const [discount] = await discounts();
    expect(discount).toMatchObject({ usageLimit: 1, value: { type: 'percent', percent: 10 }, customerEmail: email });
    expect(mail.body.text).toContain(discount.code);
    expect((await watchOf())!.courtesyDiscount).toEqual({ discountId: discount.discountId, code: discount.code });
  });

  it('reassures once at day 11', async () => {
    const due = await dueOf('ladder1');
    await moveTo(due + HOUR);
    const fired = await eventually(async () => ((await timerOf('ladder1'))?.firedAt ? timerOf('ladder1') : undefined), { what: 'the reassurance step' });
    expect(Date.parse(fired!.firedAt!)).toBeGreaterThanOrEqual(due);
    expect(await claims()).toEqual([]);
  });

  it('files one parcel claim at day 25 for the refund engine, and nothing more after', async () => {
    const due = await dueOf('ladder2');
    await moveTo(due - HOUR);
    expect(await claims()).toEqual([]);
    await moveClock({ set: new Date(due + HOUR).toISOString() });
    const filed = await eventually(async () => ((await claims()).length > 0 ? claims() : undefined), { what: 'ParcelClaimFiled' });
    const delayIds = (await watchOf())!.delays.map((d) => d.delayId);
    expect(filed).toHaveLength(1);
    expect(filed[0].detail).toMatchObject({ claimId: `clm_dly_${orderId}_2`, kind: 'not_delivered', source: 'delay_ladder', customer: { email } });
    expect(delayIds).toContain(filed[0].detail.delayId);
    await moveClock({ advance: 'P1D' });
    expect(await claims()).toHaveLength(1);
    expect(await discounts()).toHaveLength(1);
    expect(await courtesyMails()).toHaveLength(1);
  });

  it('sends the duty team one digest of open delays a day', async () => {
    const mails = await eventually(async () => ((await digests()).length > 0 ? digests() : undefined), { what: 'a delay digest' });
    expect(String(mails.at(-1).body.text)).toMatch(/not shipped in time|delivery overdue/);
    const titles = mails.map((mail) => String(mail.subject));
    expect(new Set(titles).size).toBe(titles.length);
  });
});
