// The ops API's refunds desk: the review queue, a person's decision on a refund (approve, override,
// deny, retry; shared/refunds/decision-record.ts decides status, role and amounts), the ledger of
// an order and the explanation of a decision. A decision is written conditionally on the version it
// was decided from, with its audit record and, once approved, the RefundDecided that runs the saga:
// of two reviewers acting at once one wins, the other answers 409.
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ConcurrentDecisionChangeError, RefundDecisionStore, type OutboxEvent } from '#shared/adapters/refund-decision-store.ts';
import { RefundLedgerStore } from '#shared/adapters/refund-ledger-store.ts';
import { TierLookup } from '#shared/adapters/tier-lookup.ts';
import type { Route } from '#shared/api/define.ts';
import { decideRefund, getDecisionExplanation, getOrderLedger, listRefundReviews } from '#shared/api/routes/refunds.ts';
import { checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest, type Caller } from '#shared/api/validate.ts';
import { newAuditRecord, type AuditSubject } from '#shared/audit/audit.ts';
import { RefundDecided } from '#shared/events/refunds.ts';
import { logger } from '#shared/observability.ts';
import { byTierThenSla } from '#shared/ops/queue-sort.ts';
import { cancelOfferTimer } from '#shared/refunds/claim-offer.ts';
import { refundDecidedDetail } from '#shared/refunds/decided-event.ts';
import { moneyResolutions, type Decision } from '#shared/refunds/decision.ts';
import { reviewDecision, type DecisionRecord, type ReviewAction } from '#shared/refunds/decision-record.ts';
import { remaining } from '#shared/refunds/ledger.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const decisions = new RefundDecisionStore(client, tableName);
const ledgers = new RefundLedgerStore(client, tableName);
const tiers = new TierLookup(client, tableName);

async function load(caller: Caller | undefined, shopId: string, decisionId: string): Promise<DecisionRecord> {
  checkShop(caller, shopId);
  const found = await decisions.get(shopId, decisionId);
  if (!found) throw notFound(`Refund decision ${decisionId}`);
  return found;
}

/** The RefundDecided that makes the saga execute an approved record: the decision as the reviewer settled it. */
function decidedEvent(record: DecisionRecord, caller: Caller): OutboxEvent {
  const outcome = record.outcome!;
  const { amount: _amount, bonus: _bonus, ...rest } = record.decision;
  const settled: Decision = { ...rest, kind: outcome.kind, ...(outcome.amount ? { amount: outcome.amount } : {}), ...(outcome.bonus ? { bonus: outcome.bonus } : {}) };
  const money = (moneyResolutions as readonly string[]).includes(outcome.kind);
  const { claim } = record.decision;
  const detail = refundDecidedDetail(settled, {
    shopId: record.shopId,
    occurredAt: record.updatedAt,
    customer: record.customer,
    trigger: claim.returnId ? 'return' : claim.caseId ? 'case' : 'manual',
    ...(money ? { refundId: record.refundId } : {}),
    decidedBy: { kind: 'staff', id: caller.sub },
  });
  return { definition: RefundDecided, detail, eventId: randomUUID() };
}

const statusView = (record: DecisionRecord) => ({ status: record.status, ...(record.outcome ? { outcome: record.outcome } : {}) });

/** Applies a person's action to the decision, writes it with its audit record (and RefundDecided once approved), and answers the record. */
async function review(event: APIGatewayProxyEventV2, caller: Caller, shopId: string, decisionId: string, action: ReviewAction & { reason: string }, expectedVersion: number | undefined) {
  const current = await load(caller, shopId, decisionId);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new ApiProblem(409, `Refund decision ${decisionId} is at version ${current.version}, not ${expectedVersion}: it changed since you read it`);
  const now = new Date();
  const reviewer = { sub: caller.sub, ...(caller.email ? { email: caller.email } : {}), role: caller.role };
  const result = reviewDecision(current, reviewer, action, now);
  if (!result.ok) throw new ApiProblem(result.status, result.message);
  const { next } = result;
  const subjects: AuditSubject[] = [
    { type: 'refund', id: next.refundId },
    { type: 'order', id: next.orderId },
    ...(next.returnId ? [{ type: 'return' as const, id: next.returnId }] : []),
    { type: 'customer', id: next.customer.id },
  ];
  const audit = newAuditRecord(
    { shopId, action: `refund.${action.action}`, actor: { sub: caller.sub, email: caller.email, role: caller.role }, subjects, reason: action.reason, before: statusView(current), after: statusView(next), requestId: event.requestContext.requestId, reasonRequired: true },
    { auditId: randomUUID(), now },
  );
  // A person settling a claim before its customer chose: the offer's expiry timer is moot.
  const offerTimer = cancelOfferTimer(current, next.updatedAt, randomUUID);
  const events = [...(next.status === 'approved' ? [decidedEvent(next, caller)] : []), ...(offerTimer ? [offerTimer] : [])];
  try {
    await decisions.update(next, events, audit);
  } catch (error) {
    if (error instanceof ConcurrentDecisionChangeError) throw new ApiProblem(409, `Refund decision ${decisionId} was decided by someone else at the same moment: read it again`);
    throw error;
  }
  logger.info('Refund decision reviewed', { shopId, decisionId, action: action.action, from: current.status, to: next.status, outcome: next.outcome?.kind });
  return next;
}

const operations: Array<[Route, Operation]> = [
  [listRefundReviews, async (event, caller) => {
    const { query } = parseRequest(listRefundReviews, event);
    checkShop(caller, query.shopId);
    const page = await decisions.reviews(query.shopId, { limit: query.limit, cursor: query.cursor });
    const tierOf = await tiers.tiersOf(query.shopId, page.items.map((record) => record.customer.id));
    const points = new Map([...tierOf].map(([customerId, tier]) => [customerId, tier.points]));
    // The queue reads the longest waiting first: waiting time is the SLA a review has.
    const records = query.sort === 'tier' ? byTierThenSla(page.items, (record) => ({ customerId: record.customer.id, slaDueAt: record.createdAt }), points) : page.items;
    const items = records.map((record) => ({
      decisionId: record.decisionId,
      orderId: record.orderId,
      ...(record.orderNumber ? { orderNumber: record.orderNumber } : {}),
      ...(record.returnId ? { returnId: record.returnId } : {}),
      customer: record.customer,
      status: record.status,
      version: record.version,
      kind: record.decision.kind,
      ...(record.decision.proposedKind ? { proposedKind: record.decision.proposedKind } : {}),
      ...(record.decision.amount ? { amount: record.decision.amount } : {}),
      options: record.decision.options,
      needsSupervisor: record.decision.needsSupervisor,
      createdAt: record.createdAt,
      firedRules: record.decision.reasons.filter((reason) => reason.fired).map((reason) => ({ code: reason.rule, detail: reason.detail })),
      tier: tierOf.get(record.customer.id) ?? null,
    }));
    return { items, nextCursor: page.nextCursor };
  }],
  [decideRefund, async (event, caller) => {
    const { params, query, body } = parseRequest(decideRefund, event);
    const action: ReviewAction =
      body.action === 'override' ? { action: 'override', kind: body.kind!, ...(body.amount ? { amount: body.amount } : {}) } : { action: body.action };
    return review(event, caller!, query.shopId, params.decisionId, { ...action, reason: body.reason }, body.expectedVersion);
  }],
  [getOrderLedger, async (event, caller) => {
    const { params, query } = parseRequest(getOrderLedger, event);
    checkShop(caller, query.shopId);
    const [{ summary, entries }, ofOrder] = await Promise.all([ledgers.ledger(query.shopId, params.orderId), decisions.ofOrder(query.shopId, params.orderId)]);
    if (!summary && entries.length === 0 && ofOrder.length === 0) throw notFound(`A refund ledger of order ${params.orderId}`);
    return {
      shopId: query.shopId,
      orderId: params.orderId,
      ...(summary
        ? { summary: { paid: summary.paid, refunded: summary.refunded, credited: summary.credited, remaining: remaining(summary), overRefunded: summary.overRefunded, version: summary.version, openedAt: summary.openedAt, updatedAt: summary.updatedAt } }
        : {}),
      entries: entries.map(({ shopId: _shop, orderId: _order, ...entry }) => entry),
      decisions: ofOrder.map((record) => {
        // What is executed once a person (or the engine) settled it; the engine's decision until then.
        const amount = record.outcome ? record.outcome.amount : record.decision.amount;
        return { decisionId: record.decisionId, refundId: record.refundId, status: record.status, kind: record.outcome?.kind ?? record.decision.kind, ...(amount ? { amount } : {}), createdAt: record.createdAt };
      }),
    };
  }],
  [getDecisionExplanation, async (event, caller) => {
    const { params, query } = parseRequest(getDecisionExplanation, event);
    return load(caller, query.shopId, params.decisionId);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
