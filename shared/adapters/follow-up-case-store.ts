// Follow-up cases in the state table, one item per case (`FOLLOWUP#<shopId>#<caseId>`), listed per
// shop and status on gsi1 by opening time (`FOLLOWUPS#<shopId>#<status>`: the open cases are read
// without wading through the resolved ones, so oldest first is exactly earliest SLA first). The
// case is written in the survey answer's transaction (`followUpCasePut`); resolving it is one
// conditional transaction with its CaseResolved, so of two agents resolving at once one wins and
// the event is published exactly once.
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CaseResolved } from '../events/cases.ts';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { FollowUpCase } from '../surveys/follow-up-case.ts';
import { isConditionFailure } from './dynamodb.ts';
import { ConcurrentChangeError } from './ingest-store.ts';

export const followUpCaseKey = (shopId: string, caseId: string) => ({ pk: `FOLLOWUP#${shopId}#${caseId}`, sk: 'FOLLOWUP' });
export const followUpIndexKey = (shopId: string, status: FollowUpCase['status']) => `FOLLOWUPS#${shopId}#${status}`;
const indexKeys = (followUp: FollowUpCase) => ({ gsi1pk: followUpIndexKey(followUp.shopId, followUp.status), gsi1sk: `${followUp.openedAt}#${followUp.caseId}` });

/** The Put that creates the case, for the transaction that records the answer opening it. */
export function followUpCasePut(tableName: string, followUp: FollowUpCase) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...followUpCaseKey(followUp.shopId, followUp.caseId), ...indexKeys(followUp), followUp },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export class FollowUpCaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(shopId: string, caseId: string): Promise<FollowUpCase | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: followUpCaseKey(shopId, caseId), ConsistentRead: true }));
    return Item?.followUp as FollowUpCase | undefined;
  }

  /**
   * A page of the shop's cases of one status by opening time (oldest first when `oldestFirst`,
   * which with one SLA for every case is also earliest SLA first); the customer filter applies to
   * each page read.
   */
  async list(shopId: string, options: { status: FollowUpCase['status']; customerId?: string; oldestFirst: boolean; limit: number; cursor?: string }): Promise<Page<FollowUpCase>> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': followUpIndexKey(shopId, options.status) };
    const filters: string[] = [];
    if (options.customerId) {
      Object.assign(names, { '#followUp': 'followUp', '#customer': 'customer', '#customerId': 'id' });
      values[':customerId'] = options.customerId;
      filters.push('#followUp.#customer.#customerId = :customerId');
    }
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: options.oldestFirst,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.followUp as FollowUpCase), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /** Writes the resolved case if it is still at the version it was read at, with its CaseResolved. */
  async resolve(next: FollowUpCase, resolved: unknown, now: Date): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...followUpCaseKey(next.shopId, next.caseId), ...indexKeys(next), followUp: next },
                ConditionExpression: '#followUp.#version = :expected',
                ExpressionAttributeNames: { '#followUp': 'followUp', '#version': 'version' },
                ExpressionAttributeValues: { ':expected': next.version - 1 },
              },
            },
            { Put: { TableName: this.tableName, Item: { ...outboxItem(CaseResolved, resolved, { eventId: `${next.caseId}-resolved`, now }) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error) || (error as Error).name === 'TransactionCanceledException') throw new ConcurrentChangeError(`Case ${next.caseId} changed while it was resolved`);
      throw error;
    }
  }
}
