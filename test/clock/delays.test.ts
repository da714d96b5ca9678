// Order-delay alerts on real Scheduler timers in the local stack, driven by the local clock: an
// order that does not ship gets no apology before its ship-by deadline (two business days by
// default), then exactly one DelayDetected, one apology email and one duty-team alert, and
// nothing more a day later; an order that ships in time has its ship-by timer deleted and no delay.
// This file moves the clock by days, so it runs in its own local stack (the `clock` test project).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from '../integration/notification-support.ts';
import { api, eventually, settle, sendShopify } from '../integration/support.ts';

const base = 9_500_000 + Math.floor(Math.random() * 90_000);
const customer = (n: number) => ({ orderId: base + n, number: String((base + n) % 100_000), email: `delays-${n}-${randomUUID().slice(0, 8)}@example.com` });
const late = customer(0);
const shipped = customer(1);

interface Schedule {
  Name: string;
  Target: { Input?: string };
}
const schedulesOf = async (orderId: number): Promise<Schedule[]> => {
  const { body } = await api('/_local/schedules');
  return (body.schedules ?? body).filter((schedule: Schedule) => (schedule.Target.Input ?? '').includes(`"orderId":"${orderId}"`));
};
const shipBySchedule = async (orderId: number) => (await schedulesOf(orderId)).find((schedule) => /^dly-.*-ship_by-g\d+$/.test(schedule.Name));
const delaysOf = async (orderId: number) => {
  const { events } = (await api('/_local/events?detailType=DelayDetected')).body;
  return events.filter((event: { detail: { orderId: string } }) => event.detail.orderId === String(orderId));
};
const apologies = async (who: { email: string; number: string }) => (await emailsTo(who.email)).filter((mail) => String(mail.subject) === `Sorry, order #${who.number} is running late`);
const alerts = async (who: { number: string }) => (await emailsTo('duty@demo-shopify.example')).filter((mail) => String(mail.subject).includes(`Order #${who.number} is late`));
const clockNow = async () => Date.parse((await api('/_local/clock')).body.now);
const moveClock = async (json: { advance: string } | { set: string }) => {
  const { status, body } = await api('/_local/clock', { method: 'POST', json });
  expect(status, JSON.stringify(body)).toBe(200);
  await settle();
};

let shipByAt = 0;

beforeAll(async () => {
  const createdAt = new Date(await clockNow()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of [late, shipped]) await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt }));
  await settle();
});

describe('order-delay alerts', () => {
  it('sets a ship-by timer two business days after the order', async () => {
    const schedule = await eventually(() => shipBySchedule(late.orderId), { what: 'the ship-by schedule' });
    const timer = JSON.parse(schedule.Target.Input!);
    expect(timer).toMatchObject({ kind: 'ship_by', shopId: 'demo-shopify', orderId: String(late.orderId) });
    shipByAt = Date.parse(timer.dueAt);
    const days = (shipByAt - (await clockNow())) / 86_400_000;
    // The end of the second business day (UTC shop): two to five calendar days, depending on the weekend.
    expect(days).toBeGreaterThan(1.9);
    expect(days).toBeLessThanOrEqual(5);
  });

  it('deletes the ship-by timer of an order that ships in time, and records no delay for it', async () => {
    await eventually(() => shipBySchedule(shipped.orderId), { what: 'the shipped order’s ship-by schedule' });
    const at = new Date(await clockNow()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: shipped.orderId + 5, orderId: shipped.orderId, shipmentStatus: null, createdAt: at, updatedAt: at }));
    await settle();
    await eventually(async () => ((await shipBySchedule(shipped.orderId)) === undefined ? true : undefined), { what: 'the ship-by schedule deleted' });
    // It is now watched for delivery instead.
    expect((await schedulesOf(shipped.orderId)).map((schedule) => schedule.Name)).toEqual(expect.arrayContaining([expect.stringMatching(/^dly-.*-deliver_by-g\d+$/)]));
  });

  it('says nothing before the ship-by deadline', async () => {
    // In steps of at most a day, to an hour before the deadline.
    while ((await clockNow()) < shipByAt - 25 * 3_600_000) await moveClock({ advance: 'P1D' });
    await moveClock({ set: new Date(shipByAt - 3_600_000).toISOString() });
    expect(await delaysOf(late.orderId)).toEqual([]);
    expect(await apologies(late)).toEqual([]);
  });

  it('detects the order not shipped in time once, apologises once and alerts the duty team', async () => {
    await moveClock({ advance: 'PT2H' });
    const detected = await eventually(async () => {
      const found = await delaysOf(late.orderId);
      return found.length > 0 ? found : undefined;
    }, { what: 'DelayDetected' });
    expect(detected).toEqual([expect.objectContaining({ detail: expect.objectContaining({ reason: 'not_shipped_in_time', detectedBy: 'timer', severity: 'low', orderId: String(late.orderId) }) })]);
    const mails = await eventually(async () => {
      const found = await apologies(late);
      return found.length > 0 ? found : undefined;
    }, { what: 'the apology email' });
    expect(mails).toHaveLength(1);
    expect(mails[0].body.text).toContain(`#${late.number}`);
    await eventually(async () => ((await alerts(late)).length === 1 ? true : undefined), { what: 'the duty-team alert' });
  });

  it('says nothing more a day later, and never about the order that shipped', async () => {
    await moveClock({ advance: 'P1D' });
    expect(await delaysOf(late.orderId)).toHaveLength(1);
    expect(await apologies(late)).toHaveLength(1);
    expect(await alerts(late)).toHaveLength(1);
    expect(await delaysOf(shipped.orderId)).toEqual([]);
    expect(await apologies(shipped)).toEqual([]);
  });
});
