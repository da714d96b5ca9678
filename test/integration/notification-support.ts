// Helpers for the notification tests: put a NotificationRequested on the bus with a template's
// example data, read what was sent (aws-ses-v2-local, the local SMS sink) and create customers
// with consent through the signed generic webhook.
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { expect } from 'vitest';
import { NotificationRequested } from '../../shared/events/notifications.ts';
import { findTemplate } from '../../shared/notifications/templates/index.ts';
import { signGeneric } from '../../shared/webhooks/signatures.ts';
import { api, clients, endpoints, resourceName, settle } from './support.ts';

const busName = resourceName('BackboneBus');

export interface Request {
  shopId?: string;
  messageType: string;
  category?: 'transactional' | 'marketing';
  recipient: { email?: string; phone?: string };
  channelPreference?: Array<'email' | 'sms'>;
  customerId?: string;
  deduplicationKey?: string;
  locale?: string;
}

export async function requestNotification(input: Request) {
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

export async function emailsTo(address: string): Promise<any[]> {
  const response = await fetch(`${endpoints.sesv2}/store`);
  const { emails } = (await response.json()) as { emails: any[] };
  return emails.filter((email) => email.destination.to.includes(address));
}

export async function smsTo(phone: string): Promise<any[]> {
  return (await api('/_local/sms')).body.messages.filter((message: any) => message.destinationPhoneNumber === phone);
}

export async function events(detailType: string, notificationKey: string): Promise<any[]> {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.filter((event: any) => event.detail.deduplicationKey === notificationKey);
}

/** A demo-generic customer as the storefront reports it (consent included), through the signed generic webhook. */
export async function subscribeCustomer(customerId: string, data: Record<string, unknown>) {
  const now = new Date((await api('/_local/clock')).body.now);
  const body = JSON.stringify({ id: randomUUID(), type: 'customer.updated', occurredAt: now.toISOString(), data: { customerId, sourceUpdatedAt: now.toISOString(), ...data } });
  const webhook = await fetch(`${endpoints.api}/webhooks/generic`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aftersales-source': 'demo-shop', 'x-aftersales-signature': signGeneric(body, 'local-webhook-secret', Math.floor(now.getTime() / 1000)) }, body });
  expect(webhook.status).toBe(200);
  await settle();
}
