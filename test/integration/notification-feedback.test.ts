// Provider feedback through the local stack: an SES bounce (POST /_local/ses/events, on the default
// bus as SES puts it) suppresses the email so the next transactional message goes by SMS, and an
// inbound STOP (POST /_local/sms/inbound, through the inbound topic) stops marketing SMS until START.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { NotificationRequested } from '../../shared/events/notifications.ts';
import { findTemplate } from '../../shared/notifications/templates/index.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { api, clients, endpoints, resourceName, settle } from './support.ts';

const busName = resourceName('BackboneBus');
const stateTable = resourceName('BackboneStateTable');
const originationNumber = '+15555550100';

interface Request {
  shopId: string;
  messageType: string;
  recipient: { email?: string; phone?: string };
  channelPreference: Array<'email' | 'sms'>;
  customerId?: string;
}

async function request(input: Request) {
  const template = findTemplate(input.messageType)!;
  const detail = {
    version: 1,
    shopId: input.shopId,
    occurredAt: new Date().toISOString(),
    notificationId: randomUUID(),
    customer: { id: input.customerId ?? `c-${randomUUID()}`, locale: 'en-US', ...input.recipient },
    messageType: input.messageType,
    category: template.category,
    deduplicationKey: `${input.messageType}:${randomUUID()}`,
    recipient: input.recipient,
    channelPreference: input.channelPreference,
    locale: 'en-US',
    templateData: template.example,
  };
  NotificationRequested.detail.parse(detail);
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: NotificationRequested.source, DetailType: NotificationRequested.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
  await settle();
  return detail;
}

async function emailsTo(address: string): Promise<any[]> {
  const { emails } = (await (await fetch(`${endpoints.sesv2}/store`)).json()) as { emails: any[] };
  return emails.filter((email) => email.destination.to.includes(address));
}

const smsTo = async (phone: string): Promise<any[]> => (await api('/_local/sms')).body.messages.filter((message: any) => message.destinationPhoneNumber === phone);

async function outcome(deduplicationKey: string): Promise<{ detailType: string; detail: any } | undefined> {
  const { body } = await api('/_local/events?source=aftersales.notifications');
  const event = body.events.find((candidate: any) => candidate.detail.deduplicationKey === deduplicationKey && candidate['detail-type'] !== 'NotificationRequested');
  return event && { detailType: event['detail-type'], detail: event.detail };
}

const addressItem = async (shopId: string, channel: 'email' | 'sms', address: string) =>
  (await clients.dynamo.send(new GetCommand({ TableName: stateTable, Key: { pk: `CONTACT#${shopId}#${channel}#${address.toLowerCase()}`, sk: 'CONTACT' }, ConsistentRead: true }))).Item;

async function inboundSms(from: string, messageBody: string) {
  const { status, body } = await api('/_local/sms/inbound', { method: 'POST', json: { originationNumber: from, destinationNumber: originationNumber, messageBody } });
  expect(status, JSON.stringify(body)).toBe(200);
  await settle();
}

/** An IANA zone where the local clock now reads about noon, so marketing is outside quiet hours. */
async function middayZone(): Promise<string> {
  const hour = new Date((await api('/_local/clock')).body.now).getUTCHours();
  const offset = 12 - hour; // -11 to +12 hours from UTC
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** A demo-generic customer who subscribed to SMS marketing on the storefront (signed generic webhook). */
async function smsSubscriber(customerId: string, phone: string) {
  const now = new Date((await api('/_local/clock')).body.now);
  const body = JSON.stringify({ id: randomUUID(), type: 'customer.updated', occurredAt: now.toISOString(), data: { customerId, phone, timeZone: await middayZone(), sourceUpdatedAt: now.toISOString(), smsMarketingConsent: { state: 'subscribed' } } });
  const webhook = await fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) }, body });
  expect(webhook.status).toBe(200);
  await settle();
}

describe('notification feedback', () => {
  it('suppresses an email after a permanent bounce, so the next transactional message goes by SMS', async () => {
    const email = `bounce-${randomUUID().slice(0, 8)}@example.com`;
    const phone = `+4475${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const bounce = {
      eventType: 'Bounce',
      mail: { destination: [email], tags: { shop: ['demo-shopify'], notification: [randomUUID()], type: ['order_delayed'] } },
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email.toUpperCase(), status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }], feedbackId: randomUUID() },
    };
    const put = await api('/_local/ses/events', { method: 'POST', json: bounce });
    expect(put).toMatchObject({ status: 200, body: { detailType: 'Email Bounced', EventId: expect.any(String) } });
    await settle();
    expect(await addressItem('demo-shopify', 'email', email)).toMatchObject({ suppressed: 'bounced', suppressedAt: expect.any(String), history: [expect.objectContaining({ what: 'bounced', source: expect.stringMatching(/^ses:Bounce:/) })] });

    const detail = await request({ shopId: 'demo-shopify', messageType: 'return_approved', recipient: { email, phone }, channelPreference: ['email'] });
    expect(await smsTo(phone)).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(0);
    expect(await outcome(detail.deduplicationKey)).toMatchObject({ detailType: 'NotificationSent', detail: { channel: 'sms' } });
  });

  it('drops SES events it cannot attribute to a shop, without failing', async () => {
    const email = `stray-${randomUUID().slice(0, 8)}@example.com`;
    await api('/_local/ses/events', { method: 'POST', json: { eventType: 'Bounce', mail: { destination: [email], tags: {} }, bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: email }] } } });
    await settle();
    expect(await addressItem('demo-shopify', 'email', email)).toBeUndefined();
    const { body } = await api(`/_local/invocations?function=${resourceName('NotificationFeedbackHandleFunction')}`);
    expect(body.invocations.length).toBeGreaterThan(0);
    expect(body.invocations.filter((invocation: { outcome: string }) => invocation.outcome !== 'success')).toEqual([]);
  });

  it('stops marketing SMS after STOP, and sends again after START', async () => {
    const phone = `+4915${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
    const customerId = `c-${randomUUID()}`;
    await smsSubscriber(customerId, phone);
    const marketing = () => request({ shopId: 'demo-generic', messageType: 'win_back', recipient: { phone }, channelPreference: ['sms'], customerId });

    await inboundSms(phone, 'Stop');
    expect(await addressItem('demo-generic', 'sms', phone)).toMatchObject({ stopped: true, history: [expect.objectContaining({ what: 'sms_stopped' })] });
    const stopped = await marketing();
    expect(await outcome(stopped.deduplicationKey)).toMatchObject({ detailType: 'NotificationSuppressed', detail: { reason: 'unsubscribed', channel: 'sms' } });
    expect(await smsTo(phone)).toHaveLength(0);

    await inboundSms(phone, 'START');
    expect(await addressItem('demo-generic', 'sms', phone)).not.toHaveProperty('stopped');
    await smsSubscriber(customerId, phone); // the clock may have moved: keep the customer at midday
    const resumed = await marketing();
    expect(await outcome(resumed.deduplicationKey)).toMatchObject({ detailType: 'NotificationSent', detail: { channel: 'sms' } });
    expect(await smsTo(phone)).toEqual([expect.objectContaining({ messageType: 'PROMOTIONAL', originationIdentity: originationNumber })]);
  });
});
