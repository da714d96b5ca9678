// The reminder ladder and expiry of an approved return, on real Scheduler timers in the local stack,
// driven by the local clock: reminders on day 3 and day 7, expiry on day 14, each with its email;
// a return received before its deadline has its timers deleted and is never reminded. This file
// moves the clock by weeks, so it runs in its own local stack (the `clock` test project).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopifyFulfillment, shopifyOrder } from '../support/shopify-payloads.ts';
import { emailsTo } from '../integration/notification-support.ts';
import { api, eventually, opsToken, settle, sendShopify } from '../integration/support.ts';

const base = 9_300_000 + Math.floor(Math.random() * 90_000);
const customer = (n: number) => ({ orderId: base + n, number: String((base + n) % 100_000), email: `timers-${n}-${randomUUID().slice(0, 8)}@example.com` });
const unsent = customer(0);
const received = customer(1);
const lineOf = (who: { orderId: number }) => String(who.orderId * 10 + 1);

const advance = async (duration: string) => {
  const { status, body } = await api('/_local/clock', { method: 'POST', json: { advance: duration } });
  expect(status).toBe(200);
  await settle();
  return body;
};
const schedulesOf = async (caseId: string): Promise<{ Name: string }[]> => {
  const { body } = await api('/_local/schedules');
  return (body.schedules ?? body).filter((schedule: { Name: string; Target: { Input?: string } }) => (schedule.Target.Input ?? '').includes(caseId));
};
const subjects = async (email: string) => (await emailsTo(email)).map((mail) => mail.subject as string);
const returnCase = async (caseId: string) => {
  const token = await opsToken('viewer');
  return (await api(`/ops/returns/${caseId}?shopId=demo-shopify`, { headers: { authorization: `Bearer ${token}` } })).body;
};

const cases: Record<string, string> = {};

beforeAll(async () => {
  const now = Date.parse((await api('/_local/clock')).body.now);
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const who of [unsent, received]) {
    await sendShopify('orders/create', shopifyOrder({ orderId: who.orderId, email: who.email, createdAt: iso(4) }));
    await sendShopify('fulfillments/create', shopifyFulfillment({ fulfillmentId: who.orderId + 5, orderId: who.orderId, shipmentStatus: 'delivered', createdAt: iso(3), updatedAt: iso(2) }));
  }
  await settle();
  for (const who of [unsent, received]) {
    const { status, body } = await api('/returns', { method: 'POST', json: { shopId: 'demo-shopify', orderNumber: who.number, email: who.email, lines: [{ lineItemId: lineOf(who), quantity: 1, reason: 'changed_mind', resolution: 'refund' }] } });
    expect(status, JSON.stringify(body)).toBe(201);
    cases[who.email] = body.id;
  }
  await settle();
});

describe('return reminders and expiry', () => {
  it('sets two reminder timers and an expiry timer when the return is approved', async () => {
    const names = await eventually(async () => {
      const found = (await schedulesOf(cases[unsent.email]!)).map((schedule) => schedule.Name).sort();
      return found.length === 3 ? found : undefined;
    }, { what: 'three schedules' });
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^ret-.*-expiry-g1$/), expect.stringMatching(/^ret-.*-reminder1-g1$/), expect.stringMatching(/^ret-.*-reminder2-g1$/)]));
  });

  it('deletes the timers of a return received before its deadline', async () => {
    const token = await opsToken('agent');
    const { status } = await api(`/ops/returns/${cases[received.email]}/receipt?shopId=demo-shopify`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, json: {} });
    expect(status).toBe(200);
    await settle();
    await eventually(async () => ((await schedulesOf(cases[received.email]!)).length === 0 ? true : undefined), { what: 'the received return’s schedules deleted' });
  });

  it('reminds the customer on day 3, and not before', async () => {
    await advance('P2DT23H');
    expect((await subjects(unsent.email)).filter((subject) => subject.startsWith('Reminder'))).toHaveLength(0);
    await advance('PT2H');
    const reminders = await eventually(async () => {
      const found = (await subjects(unsent.email)).filter((subject) => subject.startsWith('Reminder'));
      return found.length === 1 ? found : undefined;
    }, { what: 'the first reminder' });
    expect(reminders[0]).toMatch(/^Reminder: please send your return by /);
    expect((await returnCase(cases[unsent.email]!)).status).toBe('approved');
  });

  it('reminds again on day 7, once', async () => {
    await advance('P4D');
    await eventually(async () => ((await subjects(unsent.email)).filter((subject) => subject.startsWith('Reminder')).length === 2 ? true : undefined), { what: 'the second reminder' });
  });

  it('expires the return on day 14 with an email offering more time or keeping the item', async () => {
    await advance('P7D');
    const expired = await eventually(async () => {
      const c = await returnCase(cases[unsent.email]!);
      return c.status === 'expired' ? c : undefined;
    }, { what: 'the return expired' });
    expect(expired.history.map((entry: { action: string }) => entry.action)).toEqual(['request', 'approve', 'remind', 'remind', 'expire']);
    expect(expired.timers).toEqual([]);
    const mails = await eventually(async () => {
      const found = (await emailsTo(unsent.email)).filter((mail) => String(mail.subject).includes('has closed'));
      return found.length === 1 ? found : undefined;
    }, { what: 'the expiry email' });
    // The shop has no support page: both choices lead to a prefilled email to its support.
    expect(mails[0].body.html).toContain('href="mailto:help@demo-shopify.example?subject=More%20time%20for%20my%20return');
    const { events } = (await api('/_local/events?detailType=ReturnExpired')).body;
    expect(events.filter((event: { detail: { returnId: string } }) => event.detail.returnId === cases[unsent.email])).toHaveLength(1);
  });

  it('never reminded the customer whose return was received', async () => {
    expect((await subjects(received.email)).filter((subject) => subject.startsWith('Reminder') || subject.includes('has closed'))).toEqual([]);
    expect((await returnCase(cases[received.email]!)).status).toBe('received');
  });
});
