// Return cases in the state table. A case is `RETURN#<shopId>#<caseId>` / `CASE` (gsi1: the shop's
// returns by creation). Each order with returns has one index item `RETURNS#<shopId>#ORDER#<orderId>`
// / `INDEX` listing its case ids with a version: a new case is written in one transaction with the
// index (conditional on the version read), the outbox events and the customer messages, so two
// concurrent requests cannot both return the same units. A later transition of a case is written
// conditionally on the case's version, with its outbox items and audit record (`transition`).
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { AuditRecord } from '../audit/audit.ts';
import type { EventDefinition } from '../events/define.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { CaseActor, ReturnCase } from '../returns/case.ts';
import type { TransitionResult } from '../returns/lifecycle.ts';
import { transitionOutbox } from '../returns/messages.ts';
import { defaultReturnPolicy, ReturnPolicy } from '../returns/policy.ts';
import { auditWrites } from './audit-store.ts';
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

/** The case changed since it was read (another action won): nothing was written. */
export class ConcurrentCaseChangeError extends Error {}

/** Index partition of a shop's return cases, by creation. */
export const shopReturnsKey = (shopId: string) => `RETURNS#${shopId}`;

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
                Item: { ...returnCaseKey(returnCase.shopId, returnCase.id), gsi1pk: shopReturnsKey(returnCase.shopId), gsi1sk: returnCase.createdAt, case: returnCase, ...extra },
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

  /** A page of the shop's cases, newest first. */
  async list(shopId: string, options: { limit: number; cursor?: string }): Promise<Page<ReturnCase>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': shopReturnsKey(shopId) },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []).map((item) => item.case as ReturnCase), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /**
   * Writes the case after a transition only if it is still at the version the transition started
   * from, in one transaction with the outbox items of its events and customer messages and the
   * audit record. Of two concurrent transitions of the same version exactly one is written; the
   * other gets ConcurrentCaseChangeError.
   */
  async transition(shopId: string, caseId: string, result: Extract<TransitionResult, { ok: true }>, audit: AuditRecord, actor: CaseActor, newId: () => string = randomUUID): Promise<void> {
    const { next } = result;
    if (next.shopId !== shopId || next.id !== caseId) throw new Error(`The transition is of ${next.shopId}/${next.id}, not ${shopId}/${caseId}`);
    const now = new Date(next.updatedAt);
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: returnCaseKey(shopId, caseId),
                UpdateExpression: 'SET #case = :next, lastActor = :actor',
                ConditionExpression: '#case.#version = :expected',
                ExpressionAttributeNames: { '#case': 'case', '#version': 'version' },
                ExpressionAttributeValues: { ':next': next, ':actor': actor, ':expected': next.version - 1 },
              },
            },
            ...transitionOutbox(result, newId).map((event) => ({
              Put: { TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' },
            })),
            ...auditWrites(this.tableName, audit),
          ],
        }),
      );
    } catch (error) {
      // A transaction conflict is the same race seen from DynamoDB's side: the other write was in flight.
      if (isConditionFailure(error) || (error as Error).name === 'TransactionConflictException' || /TransactionConflict/.test((error as Error).message ?? '')) throw new ConcurrentCaseChangeError(`Return ${caseId} changed while this action was decided`);
      throw error;
    }
  }
}
