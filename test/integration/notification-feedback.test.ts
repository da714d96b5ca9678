// Provider feedback through the local stack: an SES bounce (POST /_local/ses/events, on the default
// bus as SES puts it) suppresses the email so the next transactional message goes by SMS, and an
// inbound STOP (POST /_local/sms/inbound, through the inbound topic) stops marketing SMS until START.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { emailsTo, requestNotification, smsTo, type Request } from './notification-support.ts';
import { api, clients, endpoints, opsToken, resourceName, settle } from './support.ts';

const stateTable = resourceName('BackboneStateTable');
const originationNumber = '+15555550100';

/** Requests a message and waits until the sender has dealt with it. */
async function request(input: Request & { shopId: string; channelPreference: Array<'email' | 'sms'> }) {
  const detail = await requestNotification(input);
  await settle();
  return detail;
}

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

  it('adds what SES reports later to the message history in the delivery log', async () => {
    const email = `history-${randomUUID().slice(0, 8)}@example.com`;
    const customerId = `c-${randomUUID()}`;
    await request({ shopId: 'demo-shopify', messageType: 'return_approved', recipient: { email }, channelPreference: ['email'], customerId });
    const [sent] = await emailsTo(email);
    const sesEvent = (eventType: string, extra: Record<string, unknown>) =>
      api('/_local/ses/events', { method: 'POST', json: { eventType, mail: { messageId: sent.messageId, destination: [email], tags: { shop: ['demo-shopify'] } }, ...extra } });
    await sesEvent('Delivery', { delivery: { recipients: [email], timestamp: new Date().toISOString() } });
    await settle();
    await sesEvent('Complaint', { complaint: { complainedRecipients: [{ emailAddress: email }], complaintFeedbackType: 'abuse' } });
    await settle();

    const client = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data } = await client.GET('/ops/notifications', { params: { query: { shopId: 'demo-shopify', customerId } } });
    expect(data?.items).toHaveLength(1);
    expect(data!.items[0]!.status).toBe('complained');
    expect(data!.items[0]!.history.map((entry) => entry.status)).toEqual(['sending', 'sent', 'delivered', 'complained']);
  });
});
