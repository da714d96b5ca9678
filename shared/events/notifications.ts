// Customer messages (email, SMS). Any context asks with NotificationRequested; the notifications
// context picks the channel, checks consent and deduplication, renders the template in the
// locale and reports Sent, Failed or Suppressed. Template data holds display values only: links
// that need a token (e.g. to the returns portal) are built by the sender from the ids.
import * as z from 'zod';
import { Channel, Code, CustomerRef, EmailAddress, EntityId, IsoDateTime, Locale, PhoneNumber, relatedIds } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const NotificationCategory = z.enum(['transactional', 'marketing']).describe('marketing needs consent; transactional does not');
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const NotificationSuppressionReason = z.enum([
  'duplicate',
  'no_marketing_consent',
  'unsubscribed',
  'bounced',
  'complained',
  'no_reachable_channel',
  'frequency_cap',
  'invalid_recipient',
]);

export const maxTemplateDataBytes = 16 * 1024;
const secretLikeKey = /token|secret|password|passwd|api_?key|credential/i;

const notificationRef = {
  notificationId: EntityId,
  customer: CustomerRef,
  messageType: Code.describe('Template family, e.g. return_approved, delay_alert, survey_invite'),
  category: NotificationCategory,
  deduplicationKey: z.string().min(1).max(200).describe('Requests sharing a key are sent at most once'),
  ...relatedIds,
};

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  notificationId: 'ntf_01HXD1',
  customer: { id: '7012345678901', email: 'ada@example.com', phone: '+15035550123', firstName: 'Ada', locale: 'en-US' },
  messageType: 'return_approved',
  category: 'transactional' as const,
  deduplicationKey: 'return_approved:ret_01HX7Z3K4M',
  orderId: '5012345678901',
  returnId: 'ret_01HX7Z3K4M',
};

export const NotificationRequested = defineEvent({
  source: eventSource.notifications,
  detailType: 'NotificationRequested',
  version: 1,
  description: 'A context asks for a message to the customer; the notifications context decides whether and how it goes out.',
  detail: {
    ...notificationRef,
    recipient: z.object({ email: EmailAddress.optional(), phone: PhoneNumber.optional() }).describe('Where to send; defaults from the customer'),
    channelPreference: z.array(Channel).min(1).max(2).describe('In order; the first reachable and permitted channel is used'),
    locale: Locale.describe('Language to render in (usually customer.locale)'),
    templateData: z.record(z.string().max(64), z.json()).describe('Display values for the template; no secrets, at most 16 KB'),
    notBefore: IsoDateTime.optional().describe('Hold until then (quiet hours)'),
  },
  refine: (detail, ctx) => {
    if (!detail.recipient.email && !detail.recipient.phone) ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'needs an email or a phone' });
    if (new Set(detail.channelPreference).size !== detail.channelPreference.length) {
      ctx.addIssue({ code: 'custom', path: ['channelPreference'], message: 'lists a channel twice' });
    }
    for (const key of Object.keys(detail.templateData)) {
      if (secretLikeKey.test(key)) ctx.addIssue({ code: 'custom', path: ['templateData', key], message: 'looks like a secret; never put secrets in events' });
    }
    if (Buffer.byteLength(JSON.stringify(detail.templateData)) > maxTemplateDataBytes) {
      ctx.addIssue({ code: 'custom', path: ['templateData'], message: `is over ${maxTemplateDataBytes} bytes` });
    }
  },
  example: {
    ...ex,
    occurredAt: '2024-05-10T08:00:06Z',
    recipient: { email: 'ada@example.com', phone: '+15035550123' },
    channelPreference: ['email', 'sms'],
    locale: 'en-US',
    templateData: { firstName: 'Ada', orderNumber: '#1001', shipBy: '2024-05-24', items: [{ title: 'Trail tent 2P', quantity: 1 }] },
  },
});

export const NotificationSent = defineEvent({
  source: eventSource.notifications,
  detailType: 'NotificationSent',
  version: 1,
  description: 'The provider accepted the message.',
  detail: {
    ...notificationRef,
    channel: Channel,
    provider: z.string().min(1).max(40).describe('e.g. ses, sms'),
    providerMessageId: z.string().max(200).optional(),
  },
  example: { ...ex, occurredAt: '2024-05-10T08:00:07Z', channel: 'email', provider: 'ses', providerMessageId: '0100018f5a7e-4c1f' },
});

export const NotificationFailed = defineEvent({
  source: eventSource.notifications,
  detailType: 'NotificationFailed',
  version: 1,
  description: 'The message could not be sent after retries.',
  detail: {
    ...notificationRef,
    channel: Channel.optional(),
    errorCode: Code,
    message: z.string().max(500).optional().describe('Sanitised error message'),
    retryable: z.boolean(),
    attempts: z.int().positive(),
  },
  example: { ...ex, occurredAt: '2024-05-10T08:05:00Z', channel: 'sms', errorCode: 'provider_throttled', retryable: true, attempts: 3 },
});

export const NotificationSuppressed = defineEvent({
  source: eventSource.notifications,
  detailType: 'NotificationSuppressed',
  version: 1,
  description: 'The message was deliberately not sent, and why.',
  detail: { ...notificationRef, reason: NotificationSuppressionReason, channel: Channel.optional() },
  example: { ...ex, occurredAt: '2024-05-10T08:00:07Z', reason: 'duplicate' },
});
