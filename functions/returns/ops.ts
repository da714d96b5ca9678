// The ops API's returns desk: list and read return cases, and move them (approve, reject, record the
// receipt and the inspection, reassign). Each action is a lifecycle transition (shared/returns/
// lifecycle.ts decides status, role and rules) written conditionally on the version it was decided
// from, with its events, customer messages and audit record: of two concurrent actions one wins,
// the other answers 409.
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { TierLookup } from '#shared/adapters/tier-lookup.ts';
import { ConcurrentCaseChangeError, ReturnStore } from '#shared/adapters/return-store.ts';
import type { Route } from '#shared/api/define.ts';
import { approveReturn, getReturnCase, listReturns, reassignReturn, recordInspection, recordReturnReceipt, rejectReturn } from '#shared/api/routes/returns.ts';
import { checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest, type Caller } from '#shared/api/validate.ts';
import { newAuditRecord } from '#shared/audit/audit.ts';
import { logger } from '#shared/observability.ts';
import { byTierThenSla } from '#shared/ops/queue-sort.ts';
import type { CaseActor, ReturnCase } from '#shared/returns/case.ts';
import { applyTransition, type ReturnCommand, type TransitionErrorCode } from '#shared/returns/lifecycle.ts';
import { isPastSla } from '#shared/returns/reminders.ts';

const store = new ReturnStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const tiers = new TierLookup(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));

const view = (c: ReturnCase, now = new Date()) => ({ ...c, slaBreached: isPastSla(c, now) });

const statusOf: Record<TransitionErrorCode, number> = {
  invalid_transition: 409,
  stale_timer: 409,
  no_change: 409,
  forbidden: 403,
  reason_required: 400,
  invalid_lines: 400,
  item_required: 409,
  missing_link: 400,
  invalid_deadline: 400,
};

async function load(caller: Caller | undefined, shopId: string, caseId: string): Promise<ReturnCase> {
  checkShop(caller, shopId);
  const found = await store.get(shopId, caseId);
  if (!found) throw notFound(`Return ${caseId}`);
  return found;
}

/** Applies `command` to the case as the caller, writes it with its audit record, and answers the case. */
async function act(event: APIGatewayProxyEventV2, caller: Caller, shopId: string, caseId: string, command: (actor: CaseActor) => ReturnCommand, options: { expectedVersion?: number; note?: string } = {}, attempt = 1): Promise<ReturnType<typeof view>> {
  const { expectedVersion } = options;
  const current = await load(caller, shopId, caseId);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new ApiProblem(409, `Return ${caseId} is at version ${current.version}, not ${expectedVersion}: it changed since you read it`);
  const actor: CaseActor = { kind: 'staff', sub: caller.sub, ...(caller.email ? { email: caller.email } : {}), role: caller.role };
  const now = new Date();
  const result = applyTransition(current, command(actor), now);
  if (!result.ok) throw new ApiProblem(statusOf[result.error.code], `${result.error.code}: ${result.error.message}`);
  const audit = newAuditRecord(
    {
      shopId,
      action: result.audit.action,
      actor: { sub: caller.sub, email: caller.email, role: caller.role },
      subjects: [
        { type: 'return', id: caseId },
        { type: 'order', id: current.orderId },
        { type: 'customer', id: current.customer.id },
      ],
      reason: result.audit.reason ?? options.note,
      before: result.audit.before,
      after: result.audit.after,
      requestId: event.requestContext.requestId,
    },
    { auditId: randomUUID(), now },
  );
  try {
    await store.transition(shopId, caseId, result, audit, actor);
  } catch (error) {
    if (!(error instanceof ConcurrentCaseChangeError)) throw error;
    // The system writes to cases too (exchange reservations, tracking): when the caller did not pin
    // a version, decide again on the fresh case; a human action that made this one invalid still
    // answers 409 through the transition's own rules.
    if (expectedVersion === undefined && attempt < 3) return act(event, caller, shopId, caseId, command, options, attempt + 1);
    throw new ApiProblem(409, `Return ${caseId} was changed by someone else at the same moment: read it again`);
  }
  logger.info('Return case moved', { shopId, returnId: caseId, action: result.audit.action, from: current.status, to: result.next.status });
  return view(result.next, now);
}

const operations: Array<[Route, Operation]> = [
  [listReturns, async (event, caller) => {
    const { query } = parseRequest(listReturns, event);
    checkShop(caller, query.shopId);
    // One handling SLA per shop from creation: creation order is SLA order.
    const page = await store.list(query.shopId, { limit: query.limit, cursor: query.cursor, oldestFirst: query.sort !== 'newest' });
    const now = new Date();
    const createdBefore = query.olderThanHours === undefined ? undefined : now.getTime() - query.olderThanHours * 3_600_000;
    const items = page.items
      .filter((c) => !query.status || c.status === query.status)
      .filter((c) => !query.reason || c.lines.some((line) => line.reason === query.reason))
      .filter((c) => createdBefore === undefined || Date.parse(c.createdAt) <= createdBefore)
      .filter((c) => query.slaBreached === undefined || isPastSla(c, now) === (query.slaBreached === 'true'))
      .filter((c) => !query.customerId || c.customer.id === query.customerId);
    const tierOf = await tiers.tiersOf(query.shopId, items.map((c) => c.customer.id));
    const points = new Map([...tierOf].map(([customerId, tier]) => [customerId, tier.points]));
    const ordered = query.sort === 'tier' ? byTierThenSla(items, (c) => ({ customerId: c.customer.id, slaDueAt: c.deadlines.slaDueAt }), points) : items;
    return { items: ordered.map((c) => ({ ...view(c, now), tier: tierOf.get(c.customer.id) ?? null })), nextCursor: page.nextCursor };
  }],
  [getReturnCase, async (event, caller) => {
    const { params, query } = parseRequest(getReturnCase, event);
    return view(await load(caller, query.shopId, params.caseId));
  }],
  [approveReturn, async (event, caller) => {
    const { params, query, body } = parseRequest(approveReturn, event);
    const { reminders } = await store.policy(query.shopId);
    return act(event, caller!, query.shopId, params.caseId, (actor) => ({ type: 'approve', actor, ...(body.reason ? { reason: body.reason } : {}), ...(reminders ? { reminders } : {}) }), { expectedVersion: body.expectedVersion });
  }],
  [rejectReturn, async (event, caller) => {
    const { params, query, body } = parseRequest(rejectReturn, event);
    return act(event, caller!, query.shopId, params.caseId, (actor) => ({ type: 'reject', actor, reason: body.reason, ...(body.rule ? { rule: body.rule } : {}) }));
  }],
  [recordReturnReceipt, async (event, caller) => {
    const { params, query, body } = parseRequest(recordReturnReceipt, event);
    return act(event, caller!, query.shopId, params.caseId, (actor) => ({ type: 'receive', actor }), { note: body.reason || undefined });
  }],
  [recordInspection, async (event, caller) => {
    const { params, query, body } = parseRequest(recordInspection, event);
    return act(event, caller!, query.shopId, params.caseId, (actor) => ({ type: 'inspect', actor, lines: body.lines }));
  }],
  [reassignReturn, async (event, caller) => {
    const { params, query, body } = parseRequest(reassignReturn, event);
    return act(event, caller!, query.shopId, params.caseId, (actor) => ({ type: 'reassign', actor, to: body.to, reason: body.reason }));
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
