// Ops routes over the deployment's health, its dead letters and the audit trail.
import * as z from 'zod';
import { ShopId } from '../../events/common.ts';
import { defineRoute } from '../define.ts';
import { AuditRecord, AuditSubjectType, Cursor, DeadLetter, DeadLetterDetail, DeadLetterKind, DeadLetterStatus, OpsHealth, RedriveResult, ResolveDeadLetterRequest, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';

export const getOpsHealth = defineRoute({
  method: 'get',
  path: '/ops/health',
  operationId: 'getOpsHealth',
  summary: 'Get the health of the deployment',
  description: 'Dead letters waiting for ops, and how many messages wait in each dead-letter queue of the stack; `attention` when any does.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  responses: { 200: { description: 'The health report', schema: OpsHealth } },
});

const deadLetterParams = z.object({ deadLetterId: z.string().min(1).max(1024).describe('Id of the dead letter') });

export const listDeadLetters = defineRoute({
  method: 'get',
  path: '/ops/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'List dead letters',
  description: 'Quarantined webhook deliveries and messages a consumer gave up on, newest first; open ones unless `status` says otherwise.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      status: DeadLetterStatus.default('open'),
      shopId: ShopId.optional().describe('Only this shop'),
      kind: DeadLetterKind.optional(),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of dead letters (a page may hold fewer than `limit` once filtered)', schema: page(DeadLetter, 'DeadLetterPage') } },
});

export const getDeadLetter = defineRoute({
  method: 'get',
  path: '/ops/dead-letters/{deadLetterId}',
  operationId: 'getDeadLetter',
  summary: 'Inspect a dead letter',
  description: 'The dead letter with its payload and what the storefront or AWS recorded about its failure.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: deadLetterParams },
  responses: { 200: { description: 'The dead letter', schema: DeadLetterDetail } },
});

export const redriveDeadLetter = defineRoute({
  method: 'post',
  path: '/ops/dead-letters/{deadLetterId}/redrive',
  operationId: 'redriveDeadLetter',
  summary: 'Re-drive a dead letter',
  description: 'Puts the delivery or message back where it failed, once: re-driving it again answers `already_redriven`. The reason goes to the audit trail.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: deadLetterParams,
    body: z.object({ reason: z.string().trim().min(3).max(500).describe('Why it is safe to re-drive now, for the audit trail') }).meta({ id: 'RedriveRequest' }),
  },
  responses: {
    200: { description: 'Re-driven (or already re-driven)', schema: RedriveResult },
    409: { description: 'It was discarded, or it cannot be re-driven (`detail` says why)' },
  },
});

export const discardDeadLetter = defineRoute({
  method: 'post',
  path: '/ops/dead-letters/{deadLetterId}/discard',
  operationId: 'discardDeadLetter',
  summary: 'Discard a dead letter',
  description: 'Closes a dead letter without re-driving it; it stays readable with `status=discarded`. The reason goes to the audit trail.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'agent' },
  request: { params: deadLetterParams, body: ResolveDeadLetterRequest },
  responses: {
    200: { description: 'Discarded (discarding twice changes nothing)', schema: DeadLetter },
    409: { description: 'It was already re-driven' },
  },
});

export const listAuditRecords = defineRoute({
  method: 'get',
  path: '/ops/audit',
  operationId: 'listAuditRecords',
  summary: 'List audit records',
  description: 'What ops did, newest first: for one subject (an order, case, customer, dead letter...) or for the whole shop.',
  tags: ['Audit'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery.or(z.literal('deployment')).describe('The shop, or `deployment` for stack-wide records (dead messages of no shop)'),
      subjectType: AuditSubjectType.optional().describe('With `subjectId`: only this subject'),
      subjectId: z.string().min(1).max(1024).optional(),
      limit,
      cursor: Cursor.optional(),
    }).refine((query) => (query.subjectType === undefined) === (query.subjectId === undefined), { message: 'give subjectType and subjectId together', path: ['subjectId'] }),
  },
  responses: { 200: { description: 'A page of audit records', schema: page(AuditRecord, 'AuditPage') } },
});
