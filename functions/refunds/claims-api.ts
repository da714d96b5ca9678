// Parcel claim routes: a customer (portal session) or an agent files a claim, written as
// ParcelClaimFiled through the outbox and decided by functions/refunds/claims.ts; the customer
// reads the options of its decision and picks one. The rules are in shared/refunds/claim-filing.ts
// and claim-offer.ts; a choice is written conditionally on the version it was made on, so of two
// choices one wins and the other answers 409 naming it.
import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { CustomerOrders } from '#shared/adapters/customer-orders.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { IngestStore } from '#shared/adapters/ingest-store.ts';
import { ConcurrentDecisionChangeError, RefundDecisionStore } from '#shared/adapters/refund-decision-store.ts';
import { signingKey } from '#shared/adapters/signing-key.ts';
import type { Route } from '#shared/api/define.ts';
import { chooseClaimResolution, fileOpsParcelClaim, fileParcelClaim, getClaimOffer } from '#shared/api/routes/claims.ts';
import { Answer, checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { newAuditRecord } from '#shared/audit/audit.ts';
import { authenticateCustomer } from '#shared/customers/authenticate.ts';
import { ownOrder, sameEmail } from '#shared/customers/order-view.ts';
import { logger } from '#shared/observability.ts';
import { fileParcelClaim as fileClaim, type ClaimFiling } from '#shared/refunds/claim-filing.ts';
import { chooseResolution, claimOfferView } from '#shared/refunds/claim-offer.ts';
import type { DecisionRecord } from '#shared/refunds/decision-record.ts';
import { orderOfState } from '#shared/returns/policy-publication.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const sessionSecretArn = requiredEnv('CUSTOMER_SESSION_SECRET_ARN');
const orders = new CustomerOrders(client, tableName);
const ingest = new IngestStore(client, tableName);
const decisions = new RefundDecisionStore(client, tableName);

const newClaimId = () => `clm_${randomUUID().replaceAll('-', '')}`;

/** The claim checked against its order: its event, or 422 naming each field the order contradicts. */
function filed(filing: ClaimFiling) {
  const result = fileClaim(filing);
  if (!result.ok) throw new ApiProblem(422, result.detail, result.errors);
  return result;
}

/** The session customer's claim decision: someone else's is "not found", its existence is not theirs to know. */
async function ownDecision(session: { shopId: string; email: string }, decisionId: string): Promise<DecisionRecord> {
  const found = await decisions.get(session.shopId, decisionId);
  if (!found?.parcelClaim || !sameEmail(found.customer.email, session.email)) throw notFound(`Claim decision ${decisionId}`);
  return found;
}

const operations: Array<[Route, Operation]> = [
  [fileParcelClaim, async (event) => {
    // Credentials before validation, as a gateway authorizer would.
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { body } = parseRequest(fileParcelClaim, event);
    const state = ownOrder(await orders.findByNumber(session.shopId, body.orderNumber), session.email);
    const order = state && orderOfState(state);
    if (!order) throw notFound(`Order ${body.orderNumber}`);
    const now = new Date();
    const result = filed({ claimId: newClaimId(), order, source: 'customer', kind: body.kind, ...(body.lines ? { lines: body.lines } : {}), ...(body.comment ? { comment: body.comment } : {}), ...(body.photos ? { photos: body.photos } : {}), now, eventId: randomUUID() });
    await decisions.publish([result.event], now.toISOString());
    logger.info('Parcel claim filed', { shopId: session.shopId, orderId: order.orderId, claimId: result.claimId, kind: body.kind, source: 'customer' });
    return new Answer(202, { claimId: result.claimId, decisionId: result.decisionId, statusUrl: `/claims/${result.decisionId}` });
  }],
  [fileOpsParcelClaim, async (event, caller) => {
    const { params, query, body } = parseRequest(fileOpsParcelClaim, event);
    checkShop(caller, query.shopId);
    const order = orderOfState(await ingest.order(query.shopId, params.orderId));
    if (!order) throw notFound(`Order ${params.orderId}`);
    const now = new Date();
    const result = filed({ claimId: newClaimId(), order, source: 'ops', kind: body.kind, ...(body.lines ? { lines: body.lines } : {}), ...(body.comment ? { comment: body.comment } : {}), ...(body.photos ? { photos: body.photos } : {}), now, eventId: randomUUID() });
    const audit = newAuditRecord(
      {
        shopId: query.shopId,
        action: 'claim.file',
        actor: { sub: caller!.sub, email: caller!.email, role: caller!.role },
        subjects: [{ type: 'order', id: order.orderId }, { type: 'case', id: result.claimId }],
        reason: body.reason,
        after: { claimId: result.claimId, kind: body.kind, ...(body.lines ? { lines: body.lines } : {}) },
        requestId: event.requestContext.requestId,
        reasonRequired: true,
      },
      { auditId: randomUUID(), now },
    );
    await decisions.publish([result.event], now.toISOString(), audit);
    logger.info('Parcel claim filed', { shopId: query.shopId, orderId: order.orderId, claimId: result.claimId, kind: body.kind, source: 'ops' });
    return new Answer(202, { claimId: result.claimId, decisionId: result.decisionId, statusUrl: `/ops/refunds/${result.decisionId}?shopId=${encodeURIComponent(query.shopId)}` });
  }],
  [getClaimOffer, async (event) => {
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { params } = parseRequest(getClaimOffer, event);
    return claimOfferView(await ownDecision(session, params.decisionId));
  }],
  [chooseClaimResolution, async (event) => {
    // Who asks comes before what they ask: without a session the answer is 401, whatever the body.
    const session = authenticateCustomer(event, await signingKey(sessionSecretArn));
    const { params, body } = parseRequest(chooseClaimResolution, event);
    const current = await ownDecision(session, params.decisionId);
    const result = chooseResolution(current, body.kind, { kind: 'customer', id: current.customer.id }, new Date(), randomUUID);
    if (!result.ok) throw new ApiProblem(result.status, result.message, result.status === 422 ? [{ path: 'body.kind', message: result.message }] : undefined);
    try {
      await decisions.update(result.next, result.events);
    } catch (error) {
      if (!(error instanceof ConcurrentDecisionChangeError)) throw error;
      // Someone chose (or a person settled it) at the same moment: name what won.
      const now = await decisions.get(current.shopId, current.decisionId);
      const chosen = now?.offer?.choice;
      throw new ApiProblem(409, chosen ? `${chosen.kind} was already chosen for this claim` : 'This claim was settled at the same moment: read it again');
    }
    logger.info('Claim resolution chosen', { shopId: current.shopId, decisionId: current.decisionId, kind: body.kind, status: result.next.status });
    return claimOfferView(result.next);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
