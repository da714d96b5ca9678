// POST /webhooks/carriers/{shopId}: return parcel news from label providers and carriers, signed
// like the generic webhook with the shop's webhook secret. The tracking number finds the case
// (the index written when the case got it); shared/returns/shipment.ts decides what the news
// means and the lifecycle applies it. Carriers retry and resend, so anything already known is
// answered 202 and changes nothing.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { ConcurrentCaseChangeError, ReturnStore } from '#shared/adapters/return-store.ts';
import { receiveCarrierTracking } from '#shared/api/routes/return-shipments.ts';
import { Answer, createRouter } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';
import { applyTransition } from '#shared/returns/lifecycle.ts';
import { carrierDecision, type CarrierUpdate } from '#shared/returns/shipment.ts';
import { authenticateShopWebhook } from '#shared/webhooks/shop-signed.ts';

const store = new ReturnStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const shopsSecretArn = requiredEnv('SHOPS_SECRET_ARN');
// Two updates of one parcel may race (a carrier sending in parallel): re-read and decide again.
const attempts = 3;

const ignored = (detail: string, found?: { id: string; status: string }) =>
  new Answer(202, { status: 'ignored', ...(found ? { returnId: found.id, returnStatus: found.status } : {}), detail });

async function apply(shopId: string, update: CarrierUpdate, attempt = 1): Promise<unknown> {
  const found = await store.byTrackingNumber(shopId, update.trackingNumber);
  const context = { shopId, status: update.status, returnId: found?.id };
  if (!found) {
    logger.info('Carrier update for no return', context);
    return ignored('No return has this tracking number');
  }
  const decision = carrierDecision(found, update);
  const result = decision.kind === 'apply' ? applyTransition(found, decision.command, new Date()) : undefined;
  if (!result?.ok) {
    const why = decision.kind === 'ignore' ? decision.reason : result && !result.ok ? result.error.message : 'nothing to do';
    logger.info('Carrier update ignored', { ...context, why });
    return ignored(why, found);
  }
  try {
    // No audit record: it is no one's decision; the case history keeps the carrier's words.
    const { actor } = result.next.history.at(-1)!; // the carrier or the label scan, as the lifecycle names it
    await store.transition(shopId, found.id, result, undefined, actor);
  } catch (error) {
    if (!(error instanceof ConcurrentCaseChangeError)) throw error;
    if (attempt >= attempts) throw new ApiProblem(409, `Return ${found.id} changed at the same moment: retry`);
    return apply(shopId, update, attempt + 1);
  }
  logger.info('Carrier update applied', { ...context, from: found.status, to: result.next.status });
  return { status: 'applied', returnId: found.id, returnStatus: result.next.status };
}

export const handler = middy(
  createRouter([
    [receiveCarrierTracking, async (event) => {
      const shopId = await authenticateShopWebhook(event, shopsSecretArn);
      const { body } = parseRequest(receiveCarrierTracking, event);
      return apply(shopId, body);
    }],
  ]),
).use(injectLambdaContext(logger));
