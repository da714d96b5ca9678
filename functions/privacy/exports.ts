// The ops API's customer data exports (supervisors only): the list of a shop's exports and one
// export with everything gathered for the customer's data request.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { PrivacyStore } from '#shared/adapters/privacy-store.ts';
import type { Route } from '#shared/api/define.ts';
import { getPrivacyExport, listPrivacyExports } from '#shared/api/routes/privacy.ts';
import { checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { parseRequest } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';

const store = new PrivacyStore(dynamoDocumentClient(), { state: requiredEnv('STATE_TABLE_NAME'), journal: requiredEnv('JOURNAL_TABLE_NAME') });

const operations: Array<[Route, Operation]> = [
  [listPrivacyExports, async (event, caller) => {
    const { query } = parseRequest(listPrivacyExports, event);
    checkShop(caller, query.shopId);
    return store.listExports(query.shopId, { limit: query.limit, cursor: query.cursor });
  }],
  [getPrivacyExport, async (event, caller) => {
    const { params, query } = parseRequest(getPrivacyExport, event);
    checkShop(caller, query.shopId);
    const found = await store.getExport(query.shopId, params.exportId);
    if (!found) throw notFound(`Export ${params.exportId}`);
    // Who read which customer's data, without the data.
    logger.info('Privacy export read', { shopId: query.shopId, exportId: params.exportId, by: caller?.sub });
    return found;
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
