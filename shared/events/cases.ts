// Support cases handled in the ops console, opened by customers, staff or automations.
import * as z from 'zod';
import { Actor, ChangedFields, CustomerRef, EntityId, Note, relatedIds } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const CaseStatus = z.enum(['open', 'pending_customer', 'pending_internal', 'escalated']);
export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export const CaseTopic = z.enum([
  'delivery_issue',
  'damaged_item',
  'wrong_item',
  'refund_question',
  'return_question',
  'exchange_question',
  'order_change',
  'product_question',
  'complaint',
  'other',
]);

const caseRef = { ...relatedIds, caseId: EntityId, customer: CustomerRef };

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  caseId: 'case_01HXE1',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
  orderId: '5012345678901',
};
const staff = { kind: 'staff' as const, id: 'staff-42' };

export const CaseOpened = defineEvent({
  source: eventSource.cases,
  detailType: 'CaseOpened',
  version: 1,
  description: 'A support case was opened.',
  detail: {
    ...caseRef,
    topic: CaseTopic,
    priority: CasePriority,
    subject: z.string().min(1).max(200),
    channel: z.enum(['email', 'sms', 'console', 'survey', 'system']),
    openedBy: Actor,
  },
  example: {
    ...ex,
    occurredAt: '2024-05-09T10:00:00Z',
    topic: 'delivery_issue',
    priority: 'high',
    subject: 'Order #1001 has not arrived',
    channel: 'email',
    openedBy: { kind: 'customer', id: '7012345678901' },
  },
});

export const CaseUpdated = defineEvent({
  source: eventSource.cases,
  detailType: 'CaseUpdated',
  version: 1,
  description: 'A case changed status, priority or assignee. Carries the current values and the changed fields.',
  detail: {
    ...caseRef,
    status: CaseStatus,
    priority: CasePriority,
    assigneeId: EntityId.nullable().describe('Staff id; null when unassigned'),
    changes: ChangedFields,
    note: Note.optional(),
    updatedBy: Actor,
  },
  example: { ...ex, occurredAt: '2024-05-09T10:05:00Z', status: 'pending_internal', priority: 'high', assigneeId: 'staff-42', changes: ['assigneeId', 'status'], updatedBy: staff },
});

export const CaseResolved = defineEvent({
  source: eventSource.cases,
  detailType: 'CaseResolved',
  version: 1,
  description: 'A case was closed with its outcome.',
  detail: {
    ...caseRef,
    resolution: z.enum(['refunded', 'replaced', 'store_credit', 'explained', 'no_action', 'duplicate', 'other']),
    durationMinutes: z.int().nonnegative().optional().describe('Since CaseOpened'),
    note: Note.optional(),
    resolvedBy: Actor,
  },
  example: { ...ex, occurredAt: '2024-05-10T18:05:00Z', resolution: 'explained', durationMinutes: 1925, resolvedBy: staff },
});
