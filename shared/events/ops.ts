// What ops people do through the ops API, announced so every timeline it touches shows it.
import * as z from 'zod';
import { EntityId } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const OpsRole = z.enum(['viewer', 'agent', 'supervisor', 'admin']);

export const OpsActionRecorded = defineEvent({
  source: eventSource.ops,
  detailType: 'OpsActionRecorded',
  version: 1,
  description: 'Someone acted through the ops API (re-drove a dead letter, overrode a decision...). The audit trail keeps the full record; this event puts it on the timelines of the entities it names.',
  detail: {
    auditId: EntityId,
    action: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)*$/).max(100).describe('What was done: `deadLetter.redrive`, `return.approve`...'),
    actor: z.object({ sub: z.string().min(1).max(200), email: z.email().optional(), role: OpsRole }),
    reason: z.string().max(1000).optional(),
    subjects: z.array(z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(512) })).min(1).max(10),
    orderId: EntityId.optional(),
    customerId: EntityId.optional(),
    caseId: EntityId.optional(),
    returnId: EntityId.optional(),
    refundId: EntityId.optional(),
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-09T10:00:00Z',
    auditId: 'aud_01HXE1',
    action: 'deadLetter.redrive',
    actor: { sub: 'b3f1c2d4', email: 'sam@acme.example', role: 'agent' },
    reason: 'The Shopify topic is now supported',
    subjects: [{ type: 'deadLetter', id: 'REVMSVZFUlkjYWNtZQ' }],
  },
});
