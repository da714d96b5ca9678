// What the providers send back, made by hand locally: an SES event as an SES configuration set's
// EventBridge destination puts it on the default bus, and an inbound SMS as End User Messaging
// two-way SMS publishes it to SNS. Backs `POST /_local/ses/events` and `POST /_local/sms/inbound`.
import { randomUUID } from 'node:crypto';
import type { PutEventsEntry } from './dispatcher.ts';

export class InvalidFeedback extends Error {}

/** SES event types and the detail-type SES gives each on EventBridge. */
export const sesDetailTypes: Record<string, string> = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
  Open: 'Email Opened',
  Click: 'Email Clicked',
  DeliveryDelay: 'Email Delivery Delayed',
  RenderingFailure: 'Email Rendering Failed',
  Subscription: 'Email Subscribed',
};

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * The PutEvents entry SES would send for `detail` (event publishing's shape: `eventType`, `mail`,
 * and `bounce`, `complaint`...). Fills in what SES always sets: `mail.messageId`, `mail.timestamp`,
 * and the `ses:configuration-set` tag when the template has exactly one configuration set.
 */
export function sesEventEntry(detail: unknown, options: { configurationSets: string[]; now: Date }): PutEventsEntry {
  if (!isObject(detail)) throw new InvalidFeedback('The body must be an SES event detail: {"eventType": "Bounce", "mail": {...}, "bounce": {...}}');
  const detailType = sesDetailTypes[String(detail.eventType)];
  if (!detailType) throw new InvalidFeedback(`eventType: must be one of ${Object.keys(sesDetailTypes).join(', ')}`);
  if (detail.mail !== undefined && !isObject(detail.mail)) throw new InvalidFeedback('mail: must be an object');
  const mail = (detail.mail ?? {}) as Record<string, unknown>;
  if (mail.tags !== undefined && (!isObject(mail.tags) || !Object.values(mail.tags).every((value) => Array.isArray(value) && value.every((item) => typeof item === 'string')))) {
    throw new InvalidFeedback('mail.tags: SES tags are arrays of strings, e.g. {"shop": ["demo-shopify"]}');
  }
  const tags = { ...(mail.tags as Record<string, string[]> | undefined) };
  if (!tags['ses:configuration-set'] && options.configurationSets.length === 1) tags['ses:configuration-set'] = [options.configurationSets[0]!];
  const full = { ...detail, mail: { timestamp: options.now.toISOString(), messageId: randomUUID(), destination: [], ...mail, tags } };
  return { Source: 'aws.ses', DetailType: detailType, Detail: JSON.stringify(full), EventBusName: 'default', Time: options.now };
}

const e164 = /^\+[1-9]\d{1,14}$/;

/** The message End User Messaging publishes for an SMS from `originationNumber` to our `destinationNumber`. */
export function inboundSmsMessage(body: unknown): string {
  if (!isObject(body)) throw new InvalidFeedback('The body must be {"originationNumber", "destinationNumber", "messageBody"}');
  for (const field of ['originationNumber', 'destinationNumber'] as const) {
    if (typeof body[field] !== 'string' || !e164.test(body[field])) throw new InvalidFeedback(`${field}: must be an E.164 number such as +14255550123`);
  }
  if (typeof body.messageBody !== 'string' || body.messageBody.length === 0 || body.messageBody.length > 1600) throw new InvalidFeedback('messageBody: must be 1 to 1600 characters');
  const firstWord = body.messageBody.trim().split(/\s+/)[0] ?? '';
  return JSON.stringify({
    originationNumber: body.originationNumber,
    destinationNumber: body.destinationNumber,
    messageKeyword: firstWord.toUpperCase(),
    messageBody: body.messageBody,
    inboundMessageId: randomUUID(),
    ...(typeof body.previousPublishedMessageId === 'string' ? { previousPublishedMessageId: body.previousPublishedMessageId } : {}),
  });
}
