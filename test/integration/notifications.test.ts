// Customer messages through the local stack: a NotificationRequested on the bus is rendered and
// sent once per deduplication key, by email (aws-ses-v2-local) or SMS (/_local/sms), falling back
// to SMS, suppressed without marketing consent, and held through quiet hours.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { NotificationRequested } from '../../shared/events/notifications.ts';
import { findTemplate } from '../../shared/notifications/templates/index.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { api, clients, endpoints, resourceName, settle } from './support.ts';

const busName = resourceName('BackboneBus');

interface Request {
  shopId?: string;
  messageType: string;
  category?: 'transactional' | 'marketing';
  recipient: { email?: string; phone?: string };
  channelPreference?: Array<'email' | 'sms'>;
  customerId?: string;
  deduplicationKey?: string;
  locale?: string;
}

async function request(input: Request) {
  const template = findTemplate(input.messageType)!;
  const detail = {
    version: 1,
    shopId: input.shopId ?? 'demo-shopify',
    occurredAt: new Date().toISOString(),
    notificationId: randomUUID(),
    customer: { id: input.customerId ?? `c-${randomUUID()}`, locale: input.locale ?? 'en-US', ...input.recipient },
    messageType: input.messageType,
    category: input.category ?? template.category,
    deduplicationKey: input.deduplicationKey ?? `${input.messageType}:${randomUUID()}`,
    recipient: input.recipient,
    channelPreference: input.channelPreference ?? ['email'],
    locale: input.locale ?? 'en-US',
    templateData: template.example,
  };
  NotificationRequested.detail.parse(detail);
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: NotificationRequested.source, DetailType: NotificationRequested.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
  return detail;
}

async function emailsTo(address: string): Promise<any[]> {
  const response = await fetch(`${endpoints.sesv2}/store`);
  const { emails } = (await response.json()) as { emails: any[] };
  return emails.filter((email) => email.destination.to.includes(address));
}

async function smsTo(phone: string): Promise<any[]> {
  return (await api('/_local/sms')).body.messages.filter((message: any) => message.destinationPhoneNumber === phone);
}

async function events(detailType: string, notificationKey: string): Promise<any[]> {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.filter((event: any) => event.detail.deduplicationKey === notificationKey);
}

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

  it('holds consented marketing through quiet hours and sends it in the morning, with the opt-out wording', async () => {
    const email = `ntf-${randomUUID().slice(0, 8)}@example.com`;
    const phone = `+4915${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const customerId = `c-${randomUUID()}`;
    // The customer subscribed to SMS marketing on the storefront.
    const clock = new Date((await api('/_local/clock')).body.now);
    const body = JSON.stringify({ id: randomUUID(), type: 'customer.updated', occurredAt: clock.toISOString(), data: { customerId, email, phone, sourceUpdatedAt: clock.toISOString(), smsMarketingConsent: { state: 'subscribed' } } });
    const webhook = await fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(clock.getTime() / 1000)) }, body });
    expect(webhook.status).toBe(200);
    await settle();
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
});
