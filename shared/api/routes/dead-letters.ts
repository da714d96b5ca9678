// Ops routes over the deployment's health and its dead letters.
import { z } from 'zod';
import { ShopId } from '../../events/common.ts';
import { defineRoute } from '../define.ts';
import { Cursor, DeadLetter, DeadLetterKind, OpsHealth, RedriveResult, page } from '../schemas.ts';
import { limit } from './common.ts';

export const getOpsHealth = defineRoute({
  method: 'get',
  path: '/ops/health',
  operationId: 'getOpsHealth',
  summary: 'Get the health of the deployment',
  description: 'How many messages wait in each dead-letter queue of the stack; `attention` when any does.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  responses: { 200: { description: 'The health report', schema: OpsHealth } },
});

export const listDeadLetters = defineRoute({
  method: 'get',
  path: '/ops/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'List dead letters',
  description: 'Quarantined webhook deliveries and messages a consumer gave up on, newest first.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: ShopId.optional().describe('Only this shop'),
      kind: DeadLetterKind.optional(),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of dead letters', schema: page(DeadLetter, 'DeadLetterPage') } },
});

export const redriveDeadLetter = defineRoute({
  method: 'post',
  path: '/ops/dead-letters/{deadLetterId}/redrive',
  operationId: 'redriveDeadLetter',
  summary: 'Re-drive a dead letter',
  description: 'Puts the delivery or message back on its queue, once: re-driving it again answers `already_redriven`. The reason is kept for the audit trail.',
  tags: ['Dead letters'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: z.object({ deadLetterId: z.string().min(1).max(512).describe('Id of the dead letter') }),
    body: z.object({ reason: z.string().trim().min(3).max(500).describe('Why it is safe to re-drive now, for the audit trail') }).meta({ id: 'RedriveRequest' }),
  },
  responses: { 200: { description: 'Re-driven (or already re-driven)', schema: RedriveResult } },
});
