// The links in customer messages: one-click unsubscribe (RFC 8058) and the preferences of one
// address, authenticated by the signed token in the link. A GET never changes anything.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { NotificationStore } from '#shared/adapters/notification-store.ts';
import type { Route } from '#shared/api/define.ts';
import { getNotificationPreferences, getUnsubscribePage, unsubscribe, updateNotificationPreferences } from '#shared/api/routes/notifications.ts';
import { Answer, createRouter, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { verifyPreferenceToken, type PreferenceClaims } from '#shared/notifications/links.ts';
import { preferencesView, unsubscribePage } from '#shared/notifications/preference-pages.ts';
import { logger } from '#shared/observability.ts';

const store = new NotificationStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const linkSecretArn = requiredEnv('LINK_SECRET_ARN');

async function claimsOf(token: string): Promise<PreferenceClaims> {
  const check = verifyPreferenceToken(token, await signingKey(linkSecretArn));
  if (!check.ok) throw new ApiProblem(401, check.reason === 'expired' ? 'This link has expired; use the link in a more recent message' : 'This link is not valid');
  return check.claims;
}

const html = (page: string) => new Answer(200, page, 'text/html; charset=utf-8');

const operations: Array<[Route, Operation]> = [
  [getUnsubscribePage, async (event: APIGatewayProxyEventV2) => {
    const { query } = parseRequest(getUnsubscribePage, event);
    const claims = await claimsOf(query.token);
    return html(unsubscribePage({ claims, token: query.token, done: false }));
  }],
  [unsubscribe, async (event) => {
    const { query } = parseRequest(unsubscribe, event);
    const claims = await claimsOf(query.token);
    await store.setMarketing(claims.shopId, claims.channel, claims.address, false, new Date(), 'unsubscribe_link');
    logger.info('Unsubscribed', { shopId: claims.shopId, channel: claims.channel });
    return html(unsubscribePage({ claims, token: query.token, done: true }));
  }],
  [getNotificationPreferences, async (event) => {
    const { query } = parseRequest(getNotificationPreferences, event);
    const claims = await claimsOf(query.token);
    const statuses = await store.addressStatuses(claims.shopId, claims.channel === 'email' ? { email: claims.address } : { phone: claims.address });
    return preferencesView(claims, statuses[claims.channel]);
  }],
  [updateNotificationPreferences, async (event) => {
    const { query, body } = parseRequest(updateNotificationPreferences, event);
    const claims = await claimsOf(query.token);
    const status = await store.setMarketing(claims.shopId, claims.channel, claims.address, body.marketing, new Date(), 'preferences');
    return preferencesView(claims, status);
  }],
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
