// Return cases in the state table. A case is `RETURN#<shopId>#<caseId>` / `CASE` (gsi1: the shop's
// returns by creation). Each order with returns has one index item `RETURNS#<shopId>#ORDER#<orderId>`
// / `INDEX` listing its case ids with a version: a new case is written in one transaction with the
// index (conditional on the version read), the outbox events and the customer messages, so two
// concurrent requests cannot both return the same units.
import { BatchGetCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDefinition } from '../events/define.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { ReturnCase } from '../returns/case.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../returns/policy.ts';
import { isConditionFailure } from './dynamodb.ts';

export const returnCaseKey = (shopId: string, caseId: string) => ({ pk: `RETURN#${shopId}#${caseId}`, sk: 'CASE' });
export const orderReturnsKey = (shopId: string, orderId: string) => ({ pk: `RETURNS#${shopId}#ORDER#${orderId}`, sk: 'INDEX' });
export const returnPolicyKey = (shopId: string) => ({ pk: `POLICY#${shopId}#returns`, sk: 'CURRENT' });

export interface PendingOutboxEvent {
  definition: EventDefinition;
  detail: unknown;
  eventId: string;
}

/** The order's returns changed since they were read: the caller may read again and retry. */
export class ConcurrentReturnError extends Error {}

export class ReturnStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The shop's current policy; the default policy while the shop has published none. */
  async policy(shopId: string): Promise<ReturnPolicy> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnPolicyKey(shopId) }));
    return Item?.policy ? ReturnPolicy.parse(Item.policy) : defaultReturnPolicy;
  }

  async get(shopId: string, caseId: string): Promise<ReturnCase | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: returnCaseKey(shopId, caseId), ConsistentRead: true }));
    return Item?.case as ReturnCase | undefined;
  }

  /** The order's cases and the index version to write against (0: none yet). */
  async casesOfOrder(shopId: string, orderId: string): Promise<{ version: number; cases: ReturnCase[] }> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: orderReturnsKey(shopId, orderId), ConsistentRead: true }));
    const ids = (Item?.caseIds as string[] | undefined) ?? [];
    const cases: ReturnCase[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const keys = ids.slice(i, i + 100).map((id) => returnCaseKey(shopId, id));
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = { [this.tableName]: { Keys: keys, ConsistentRead: true } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        cases.push(...(result.Responses?.[this.tableName] ?? []).map((item) => item.case as ReturnCase));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return { version: (Item?.version as number | undefined) ?? 0, cases };
  }

  /** Writes a new case with its events, in one transaction with the order's index. */
  async create(returnCase: ReturnCase, indexVersion: number, events: PendingOutboxEvent[], extra: Record<string, unknown> = {}): Promise<void> {
    const now = new Date(returnCase.updatedAt);
    const index = orderReturnsKey(returnCase.shopId, returnCase.orderId);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...returnCaseKey(returnCase.shopId, returnCase.id), gsi1pk: `RETURNS#${returnCase.shopId}`, gsi1sk: returnCase.createdAt, case: returnCase, ...extra },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: index,
                UpdateExpression: 'SET caseIds = list_append(if_not_exists(caseIds, :empty), :ids), version = :next, shopId = :shop, orderId = :order',
                ConditionExpression: indexVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
                ExpressionAttributeValues: {
                  ':empty': [],
                  ':ids': [returnCase.id],
                  ':next': indexVersion + 1,
                  ':shop': returnCase.shopId,
                  ':order': returnCase.orderId,
                  ...(indexVersion === 0 ? {} : { ':expected': indexVersion }),
                },
              },
            },
            ...events.map((event) => ({
              Put: { TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentReturnError(`The returns of order ${returnCase.orderId} changed while this request was decided`);
      throw error;
    }
  }
}
