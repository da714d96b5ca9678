// What the nudge rules need to know about one customer beyond their orders: after-sales cases still
// open, survey scores, and the VIP tier on record. Everything is read by key, bounded:
//   returns and parcel claims: the customer's claims index (`CUSTOMERCLAIMS#`, customer-history.ts),
//     newest first, then their return cases and refund decisions by key;
//   delays: the delay watches of the customer's recent orders, whose ids the tier item keeps;
//   the tier: `CUSTOMERTIER#<shopId>` / `<customerId>` (customer-tier-store.ts writes it);
//   survey scores and support cases: `CUSTOMERFACTS#<shopId>#<customerId>`, sk `SURVEY#<answeredAt>#<surveyId>`
//     and `CASE#<caseId>`, recorded from SurveyAnswered, CaseOpened and CaseResolved (the survey
//     store and the cases have no index by customer). Helpdesk tickets are not stored per customer
//     (functions/delays/helpdesk.ts only marks the delay watch), so they are not complaints here.
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DelayWatch } from '../delays/watch.ts';
import type { CustomerTier, OpenCase, SurveyScore } from '../nudges/customer-state.ts';
import { openReturnCases } from '../nudges/from-state.ts';
import { byOpening, openDelayCases, openRefundCases, openSupportCases, recentOrderIds, type RecordedSupportCase } from '../nudges/open-cases.ts';
import type { DecisionRecord } from '../refunds/decision-record.ts';
import type { CustomerClaim } from '../refunds/customer-history.ts';
import type { ReturnCase } from '../returns/case.ts';
import type { SurveyKind } from '../events/surveys.ts';
import { customerClaimsKey } from './customer-history.ts';
import { customerTierKey } from './customer-tier-store.ts';
import { delayWatchKey } from './delay-store.ts';
import { isConditionFailure } from './dynamodb.ts';
import { refundDecisionKey } from './refund-decision-store.ts';
import { returnCaseKey } from './return-store.ts';

export { customerTierKey };
export const customerFactsPartition = (shopId: string, customerId: string) => `CUSTOMERFACTS#${shopId}#${customerId}`;
export const customerSurveyKey = (shopId: string, customerId: string, answeredAt: string, surveyId: string) => ({ pk: customerFactsPartition(shopId, customerId), sk: `SURVEY#${answeredAt}#${surveyId}` });
export const customerCaseKey = (shopId: string, customerId: string, caseId: string) => ({ pk: customerFactsPartition(shopId, customerId), sk: `CASE#${caseId}` });

/** Claims read at most (newest first): an open return or claim is recent; a customer's hundredth is not. */
const maxClaimsRead = 100;
/** Orders whose delay watches are read: placed within these days, the latest so many. */
const delayHorizonDays = 120;
const maxWatchesRead = 50;
const maxScoresRead = 50;
const maxSupportCasesRead = 100;

type Key = Record<string, unknown>;

export class CustomerFactsReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Return, refund (parcel claim), delay and support cases of the customer still open, oldest first. */
  async openCases(shopId: string, customerId: string, now: Date = new Date()): Promise<OpenCase[]> {
    const [claims, tierItem, supportCases] = await Promise.all([
      this.query<CustomerClaim>(customerClaimsKey(shopId, customerId), undefined, maxClaimsRead, 'kind, id, orderId, createdAt'),
      this.client.send(new GetCommand({ TableName: this.tableName, Key: customerTierKey(shopId, customerId), ProjectionExpression: 'orders' })),
      this.query<RecordedSupportCase>(customerFactsPartition(shopId, customerId), 'CASE#', maxSupportCasesRead),
    ]);
    const returnIds = claims.filter((claim) => claim.kind === 'return').map((claim) => claim.id);
    const decisionIds = claims.filter((claim) => claim.kind === 'parcel_claim').map((claim) => claim.id);
    const orderIds = recentOrderIds((tierItem.Item?.orders as Record<string, { placedAt: string }> | undefined) ?? {}, now, delayHorizonDays, maxWatchesRead);
    const [returns, decisions, watches] = await Promise.all([
      this.batchGet(returnIds.map((id) => returnCaseKey(shopId, id))),
      this.batchGet(decisionIds.map((id) => refundDecisionKey(shopId, id))),
      this.batchGet(orderIds.map((id) => delayWatchKey(shopId, id))),
    ]);
    return byOpening([
      ...openReturnCases(returns.flatMap((item) => (item.case ? [item.case as ReturnCase] : []))),
      ...openRefundCases(decisions.flatMap((item) => (item.record ? [item.record as DecisionRecord] : []))),
      ...openDelayCases(watches.flatMap((item) => (item.watch ? [item.watch as DelayWatch] : []))),
      ...openSupportCases(supportCases, now),
    ]);
  }

  /** The customer's latest survey scores, newest first. */
  async surveyScores(shopId: string, customerId: string): Promise<SurveyScore[]> {
    const items = await this.query<Key>(customerFactsPartition(shopId, customerId), 'SURVEY#', maxScoresRead);
    return items.map((item) => ({ kind: item.kind as SurveyKind, score: item.score as number, answeredAt: item.answeredAt as string }));
  }

  async tier(shopId: string, customerId: string): Promise<CustomerTier | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: customerTierKey(shopId, customerId), ProjectionExpression: 'tier' }));
    const tier = Item?.tier as CustomerTier | null | undefined;
    return tier ? { id: tier.id, rank: tier.rank } : null;
  }

  private async query<T>(pk: string, prefix: string | undefined, max: number, projection?: string): Promise<T[]> {
    const items: T[] = [];
    let start: Key | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
          ...(projection ? { ProjectionExpression: projection } : {}),
          // Newest first (claims and scores sort by time).
          ScanIndexForward: false,
          Limit: max - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((result.Items ?? []) as T[]));
      start = result.LastEvaluatedKey;
    } while (start && items.length < max);
    return items;
  }

  private async batchGet(keys: readonly Key[]): Promise<Key[]> {
    const items: Key[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Key[] }> | undefined = { [this.tableName]: { Keys: keys.slice(i, i + 100) as Key[] } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...(result.Responses?.[this.tableName] ?? []));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return items;
  }
}

/** Records the facts no other store indexes by customer: survey answers and support cases. Each write is idempotent. */
export class CustomerFactsRecorder {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async surveyAnswered(shopId: string, customerId: string, answer: { surveyId: string; kind: SurveyKind; score: number; answeredAt: string }): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...customerSurveyKey(shopId, customerId, answer.answeredAt, answer.surveyId), ...answer } }));
  }

  /** A case opened: recorded unless known already (a late CaseOpened must not reopen a resolved case). */
  async caseOpened(shopId: string, customerId: string, supportCase: { caseId: string; openedAt: string }): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...customerCaseKey(shopId, customerId, supportCase.caseId), ...supportCase }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** A case resolved, whether or not its opening was seen (it then counts as opened when resolved). */
  async caseResolved(shopId: string, customerId: string, supportCase: { caseId: string; resolvedAt: string }): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: customerCaseKey(shopId, customerId, supportCase.caseId),
        UpdateExpression: 'SET caseId = :caseId, resolvedAt = :resolvedAt, openedAt = if_not_exists(openedAt, :resolvedAt)',
        ExpressionAttributeValues: { ':caseId': supportCase.caseId, ':resolvedAt': supportCase.resolvedAt },
      }),
    );
  }
}
