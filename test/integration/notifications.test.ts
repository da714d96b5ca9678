// Customer messages through the local stack: a NotificationRequested on the bus is rendered and
// sent once per deduplication key, by email (aws-ses-v2-local) or SMS (/_local/sms), falling back
// to SMS, and suppressed without marketing consent. What depends on the time of day or the week
// (quiet hours, the weekly cap) moves the local clock: test/clock/marketing-timing.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { emailsTo, events, requestNotification as request, smsTo, subscribeCustomer } from './notification-support.ts';
import { api, endpoints, opsToken, settle } from './support.ts';

describe('notifications', () => {
  it('renders and sends a transactional email once, however often it is requested', async () => {
    const email = `ntf-${randomUUID().slice(0, 8)}@example.com`;
    const first = await request({ messageType: 'return_approved', recipient: { email } });
    await request({ messageType: 'return_approved', recipient: { email }, deduplicationKey: first.deduplicationKey });
    await settle();
    await request({ messageType: 'return_approved', recipient: { email }, deduplicationKey: first.deduplicationKey });
    await settle();
    const sent = await emailsTo(email);
    expect(sent).toHaveLength(1);
    expect(sent[0].from).toContain('hello@demo-shopify.example');
    expect(sent[0].body.html).toContain('<html');
    expect(sent[0].body.text.length).toBeGreaterThan(50);
    expect(await events('NotificationSent', first.deduplicationKey)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ channel: 'email', provider: 'ses' }) })]);
  });

  it('falls back to SMS when the customer has no email, in the customer language', async () => {
    const phone = `+3361${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    await request({ messageType: 'refund_issued', recipient: { phone }, locale: 'fr-FR' });
    await settle();
    const sms = await smsTo(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0].messageBody).toMatch(/^Demo Shopify shop/);
    expect(sms[0].messageType).toBe('TRANSACTIONAL');
    expect(sms[0].segments).toBeLessThanOrEqual(2);
  });

  it('suppresses marketing without consent, and says why', async () => {
    const email = `ntf-${randomUUID().slice(0, 8)}@example.com`;
    const detail = await request({ messageType: 'win_back', recipient: { email } });
    await settle();
    expect(await emailsTo(email)).toHaveLength(0);
    expect(await events('NotificationSuppressed', detail.deduplicationKey)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ reason: 'no_marketing_consent' }) })]);
  });

  it('unsubscribes in one click from the link in a marketing email, and opts in again on the preferences page', async () => {
    const email = `ntf-${randomUUID().slice(0, 8)}@example.com`;
    const customerId = `c-${randomUUID()}`;
    const clock = new Date((await api('/_local/clock')).body.now);
    const morning = new Date(clock);
    morning.setUTCHours(10, 0, 0, 0);
    if (morning <= clock) morning.setUTCDate(morning.getUTCDate() + 1);
    await api('/_local/clock', { method: 'POST', json: { set: morning.toISOString() } });
    await subscribeCustomer(customerId, { email, emailMarketingConsent: { state: 'subscribed' } });

    await request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { email }, customerId });
    await settle();
    const [newsletter] = await emailsTo(email);
    const header = (name: string) => newsletter.headers.find((candidate: { name: string }) => candidate.name === name)?.value as string;
    expect(header('List-Unsubscribe')).toMatch(/^<http.*\/notifications\/unsubscribe\?token=.+>$/);
    const unsubscribeUrl = new URL(header('List-Unsubscribe').slice(1, -1));
    const token = unsubscribeUrl.searchParams.get('token')!;
    expect(newsletter.body.html).toContain(unsubscribeUrl.pathname);

    // Opening the link only asks; the mail provider's one-click POST unsubscribes.
    const page = await fetch(`${endpoints.api}/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<form method="post"');
    const oneClick = await fetch(`${endpoints.api}/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);

    const second = await request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { email }, customerId });
    await settle();
    expect(await emailsTo(email)).toHaveLength(1);
    expect(await events('NotificationSuppressed', second.deduplicationKey)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ reason: 'unsubscribed' }) })]);

    const preferences = await api(`/notifications/preferences?token=${encodeURIComponent(token)}`);
    expect(preferences.body).toMatchObject({ channel: 'email', marketing: false });
    expect(preferences.body.address).not.toBe(email);
    const optIn = await api(`/notifications/preferences?token=${encodeURIComponent(token)}`, { method: 'PUT', json: { marketing: true } });
    expect(optIn.body.marketing).toBe(true);
    await request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { email }, customerId });
    await settle();
    expect(await emailsTo(email)).toHaveLength(2);
    expect((await api(`/notifications/preferences?token=${encodeURIComponent(token)}x`)).status).toBe(401);

    // The delivery log shows all three, with why the second did not go.
    const client = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const log = await client.GET('/ops/notifications', { params: { query: { shopId: 'demo-generic', customerId } } });
    expect(log.data?.items.map((item) => item.status).sort()).toEqual(['sent', 'sent', 'suppressed']);
    expect(log.data?.items.find((item) => item.status === 'suppressed')?.history.at(-1)).toMatchObject({ status: 'suppressed', detail: 'unsubscribed' });
  });
});
