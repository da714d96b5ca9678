// Notification routes: the customer's one-click unsubscribe and preferences (authenticated by the
// signed token in the link), and the delivery log for ops.
import * as z from 'zod';
import { EntityId, IsoDateTime } from '../../events/common.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';

const linkToken = z.object({ token: z.string().min(20).max(2048).describe('The signed token of the link in the message') });
const linkReason = 'The signed token in the link the customer received is the credential (one shop, one channel, one address); no sign-in is required to unsubscribe.';

export const NotificationPreferences = z
  .object({
    channel: z.enum(['email', 'sms']),
    address: z.string().describe('The address, partly masked'),
    marketing: z.boolean().describe('Whether marketing may be sent to this address'),
    stopped: z.boolean().optional().describe('SMS: the number replied STOP (nothing is sent until START)'),
    suppressed: z.enum(['bounced', 'complained']).optional().describe('Email: SES reported a bounce or a complaint; nothing is sent'),
  })
  .meta({ id: 'NotificationPreferences' });

export const NotificationLogEntry = z
  .object({
    notificationId: z.string(),
    messageType: z.string(),
    category: z.enum(['transactional', 'marketing']),
    deduplicationKey: z.string(),
    customerId: EntityId,
    status: z.string().describe('`sent`, `suppressed`, `deferred`, `failed`, `sending`...'),
    channel: z.enum(['email', 'sms']).optional(),
    requestedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    related: z.record(z.string(), z.string()).describe('The order, return, case... it is about'),
    history: z.array(z.object({ at: IsoDateTime, status: z.string(), channel: z.enum(['email', 'sms']).optional(), detail: z.string().optional() })).describe('Every step, oldest first, with why (suppression reason, failure)'),
  })
  .meta({ id: 'NotificationLogEntry', description: 'One message and its delivery history' });

export const getUnsubscribePage = defineRoute({
  method: 'get',
  path: '/notifications/unsubscribe',
  operationId: 'getUnsubscribePage',
  summary: 'Show the unsubscribe page',
  description: 'The page the unsubscribe link opens: it asks for confirmation (a GET never unsubscribes, since mail scanners follow links).',
  tags: ['Notifications'],
  access: { kind: 'public', reason: linkReason },
  request: { query: linkToken },
  responses: { 200: { description: 'The confirmation page', schema: z.string(), contentType: 'text/html' } },
});

export const unsubscribe = defineRoute({
  method: 'post',
  path: '/notifications/unsubscribe',
  operationId: 'unsubscribe',
  summary: 'Unsubscribe from marketing (one click)',
  description: 'RFC 8058 one-click unsubscribe, as mail providers post it (`List-Unsubscribe=One-Click`), and the confirmation form. Idempotent.',
  tags: ['Notifications'],
  access: { kind: 'public', reason: linkReason },
  request: { query: linkToken, body: z.string().max(1000), bodyContentType: 'application/x-www-form-urlencoded', bodyDescription: '`List-Unsubscribe=One-Click`' },
  responses: { 200: { description: 'Unsubscribed: a page saying so', schema: z.string(), contentType: 'text/html' } },
});

export const getNotificationPreferences = defineRoute({
  method: 'get',
  path: '/notifications/preferences',
  operationId: 'getNotificationPreferences',
  summary: 'Read the preferences of the address a link was sent to',
  tags: ['Notifications'],
  access: { kind: 'public', reason: linkReason },
  request: { query: linkToken },
  responses: { 200: { description: 'The preferences', schema: NotificationPreferences } },
});

export const updateNotificationPreferences = defineRoute({
  method: 'put',
  path: '/notifications/preferences',
  operationId: 'updateNotificationPreferences',
  summary: 'Opt in to or out of marketing for the address a link was sent to',
  description: 'Opting in here counts as consent for this address and channel, whatever the storefront says; opting out always wins.',
  tags: ['Notifications'],
  access: { kind: 'public', reason: linkReason },
  request: { query: linkToken, body: z.object({ marketing: z.boolean().describe('Whether marketing may be sent') }).meta({ id: 'NotificationPreferencesUpdate' }) },
  responses: { 200: { description: 'The preferences now', schema: NotificationPreferences } },
});

export const listNotifications = defineRoute({
  method: 'get',
  path: '/ops/notifications',
  operationId: 'listNotifications',
  summary: 'List the messages of a customer or of a case',
  description: 'The delivery log: each message with its history (requested, suppressed and why, deferred, sent, failed), newest first.',
  tags: ['Notifications'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z
      .object({
        shopId: shopQuery,
        customerId: EntityId.optional().describe('A customer’s messages'),
        subjectType: z.enum(['case', 'return', 'refund', 'order']).optional().describe('With `subjectId`: the messages about it'),
        subjectId: EntityId.optional(),
        limit,
        cursor: Cursor.optional(),
      })
      .refine((query) => (query.customerId === undefined) !== (query.subjectType === undefined || query.subjectId === undefined), {
        message: 'give either customerId, or subjectType with subjectId',
        path: ['customerId'],
      }),
  },
  responses: { 200: { description: 'A page of messages', schema: page(NotificationLogEntry, 'NotificationLogPage') } },
});
