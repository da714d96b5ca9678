// The ops API's refund rules routes: read the rules in effect, try a draft on the inspected returns
// of the shop's latest orders (the pure dry run, shared/refunds/dry-run.ts, fed what the decide
// step reads; nothing written), and publish a draft as the next version, conditionally on the
// version the supervisor read, with its audit record.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { RefundInputsReader } from '#shared/adapters/refund-inputs.ts';
import { RefundRulesStore } from '#shared/adapters/refund-rules-store.ts';
import { ReturnPolicyStore } from '#shared/adapters/return-policy-store.ts';
import { ReturnStore } from '#shared/adapters/return-store.ts';
import type { Route } from '#shared/api/define.ts';
import { dryRunRefundRules, getRefundRules, updateRefundRules } from '#shared/api/routes/refund-rules.ts';
import { publishSettings } from '#shared/api/publish-settings.ts';
import { checkShop, createRouter, type Operation } from '#shared/api/router.ts';
import { parseRequest, type Caller } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';
import type { RefundInput } from '#shared/refunds/claim.ts';
import { dryRunRefundRules as dryRun } from '#shared/refunds/dry-run.ts';
import { decisionIdOfReturn, returnRefundInput } from '#shared/refunds/return-decision.ts';
import { inspectedReturns, type RulesVersion } from '#shared/refunds/rules-publication.ts';

const client = dynamoDocumentClient();
const tableName = requiredEnv('STATE_TABLE_NAME');
const store = new RefundRulesStore(client, tableName);
const orders = new ReturnPolicyStore(client, tableName);
const returns = new ReturnStore(client, tableName);
const inputs = new RefundInputsReader(client, tableName);
/** Returns whose ledger and customer are read at once, so a long dry run does not flood the table. */
const readsAtOnce = 20;

const view = (shopId: string, current: RulesVersion) => ({ shopId, ...current });

const operations: Array<[Route, Operation]> = [
  [getRefundRules, async (event, caller) => {
    const { query } = parseRequest(getRefundRules, event);
    checkShop(caller, query.shopId);
    return view(query.shopId, await store.current(query.shopId));
  }],
  [updateRefundRules, async (event, caller) => {
    const { query, body } = parseRequest(updateRefundRules, event);
    checkShop(caller, query.shopId);
    const next = await publishSettings(store, { attribute: 'rules', label: 'refund rules', action: 'refundRules.publish', subjectId: 'refunds' }, { event, caller: caller as Caller, shopId: query.shopId, expectedVersion: body.expectedVersion, draft: body.rules, reason: body.reason });
    logger.info('Refund rules published', { shopId: query.shopId, version: next.version });
    return view(query.shopId, next);
  }],
  [dryRunRefundRules, async (event, caller) => {
    const { query, body } = parseRequest(dryRunRefundRules, event);
    const { shopId } = query;
    checkShop(caller, shopId);
    const [current, returnPolicy, states] = await Promise.all([store.current(shopId), returns.policy(shopId), orders.latestOrders(shopId, body.orders)]);
    const cases = await orders.casesOfOrders(shopId, states.map((state) => state.orderId));
    const inspected = inspectedReturns(states, (orderId) => cases.get(orderId) ?? []);
    const now = new Date();
    const claims: RefundInput[] = [];
    for (let i = 0; i < inspected.length; i += readsAtOnce) {
      const batch = await Promise.all(
        inspected.slice(i, i + readsAtOnce).map(async ({ returnCase, order }) => {
          const read = await inputs.ofReturn(returnCase, { order, rules: current.rules, returnPolicy });
          return returnRefundInput({ returnCase, ...read, now });
        }),
      );
      for (const claim of batch) if (claim) claims.push(claim);
    }
    const draftVersion = current.version + 1;
    const result = dryRun({ current: current.rules, draft: { ...body.rules, version: draftVersion }, claims });
    const returnIdOf = new Map(inspected.map(({ returnCase }) => [decisionIdOfReturn(returnCase.id), returnCase.id]));
    return {
      shopId,
      currentVersion: current.version,
      draftVersion,
      evaluatedAt: now.toISOString(),
      totals: { orders: states.length, ...result.totals },
      changes: result.changes.map(({ claimKind: _, ...change }) => ({ ...change, returnId: returnIdOf.get(change.decisionId)! })),
    };
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
