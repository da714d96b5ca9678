// Marketing messages and time: held through the customer's quiet hours, and capped per week. These
// move the local clock, so they run in the clock project, one file at a time.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { events, requestNotification as request, smsTo, subscribeCustomer } from '../integration/notification-support.ts';
import { api, settle } from '../integration/support.ts';

describe('marketing timing', () => {
  it('holds consented marketing through quiet hours and sends it in the morning, with the opt-out wording', async () => {
    const email = `ntf-${randomUUID().slice(0, 8)}@example.com`;
    const phone = `+4915${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const customerId = `c-${randomUUID()}`;
    // The customer subscribed to SMS marketing on the storefront.
    const clock = new Date((await api('/_local/clock')).body.now);
    await subscribeCustomer(customerId, { email, phone, smsMarketingConsent: { state: 'subscribed' } });
    // Move the local clock to 23:00 UTC (the demo shop's time zone) of its current day or the next.
    const night = new Date(clock);
    night.setUTCHours(23, 0, 0, 0);
    if (night <= clock) night.setUTCDate(night.getUTCDate() + 1);
    await api('/_local/clock', { method: 'POST', json: { set: night.toISOString() } });

    const detail = await request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { email, phone }, customerId, channelPreference: ['sms'] });
    await settle();
    expect(await smsTo(phone)).toHaveLength(0);
    await api('/_local/clock', { method: 'POST', json: { advance: 'PT9H' } });
    await settle();
    const sent = await smsTo(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ messageType: 'PROMOTIONAL', messageBody: expect.stringContaining('STOP') });
    expect(await events('NotificationSent', detail.deduplicationKey)).toHaveLength(1);
  });

  it('stops marketing at the weekly cap and lets it through again a week later', async () => {
    const phone = `+4916${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const customerId = `c-${randomUUID()}`;
    const clock = new Date((await api('/_local/clock')).body.now);
    const morning = new Date(clock);
    morning.setUTCHours(10, 0, 0, 0);
    if (morning <= clock) morning.setUTCDate(morning.getUTCDate() + 1);
    await api('/_local/clock', { method: 'POST', json: { set: morning.toISOString() } });
    await subscribeCustomer(customerId, { phone, smsMarketingConsent: { state: 'subscribed' } });
    const nudge = async () => {
      const detail = await request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { phone }, customerId, channelPreference: ['sms'] });
      await settle();
      return detail;
    };
    for (let i = 0; i < 3; i++) await nudge();
    const fourth = await nudge();
    expect(await smsTo(phone)).toHaveLength(3);
    expect(await events('NotificationSuppressed', fourth.deduplicationKey)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ reason: 'frequency_cap' }) })]);
    await api('/_local/clock', { method: 'POST', json: { advance: 'P7DT1M' } });
    await nudge();
    expect(await smsTo(phone)).toHaveLength(4);
  });
});
