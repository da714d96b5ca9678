// Refund decisions in the state table: `REFUNDDEC#<shopId>#<decisionId>` / `DECISION`. A decision
// waiting for a person is also in the shop's review queue (gsi1 `REFUNDREVIEW#<shopId>`, oldest
// first); every decision of an order is under gsi2 `REFUNDS#<shopId>#<orderId>`. A new decision is
// written once (`attribute_not_exists`: the same claim decided twice keeps the first), a parcel
// claim's with its item in the customer's claims index (customer-history.ts); every later
// change is conditional on the version it was decided from, with its outbox events and, for a
// person's action, its audit record, in one transaction.
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { AuditRecord } from '../audit/audit.ts';
import type { EventDefinition } from '../events/define.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import type { DecisionRecord } from '../refunds/decision-record.ts';
import { auditWrites } from './audit-store.ts';
import { customerClaimPut } from './customer-history.ts';
import { isConditionFailure } from './dynamodb.ts';

export const refundDecisionKey = (shopId: string, decisionId: string) => ({ pk: `REFUNDDEC#${shopId}#${decisionId}`, sk: 'DECISION' });
export const refundReviewsKey = (shopId: string) => `REFUNDREVIEW#${shopId}`;
export const orderDecisionsKey = (shopId: string, orderId: string) => `REFUNDS#${shopId}#${orderId}`;

export interface OutboxEvent {
  definition: EventDefinition;
  detail: unknown;
  eventId: string;
}

/** The decision changed since it was read: nothing was written. */
export class ConcurrentDecisionChangeError extends Error {}

const lostRace = (error: unknown) => isConditionFailure(error) || (error as Error).name === 'TransactionConflictException' || /TransactionConflict/.test((error as Error).message ?? '');
// Waiting for the customer's choice is listed too: a person may still settle it.
const waiting = (record: DecisionRecord) => record.status === 'awaiting_review' || record.status === 'awaiting_supervisor' || record.status === 'awaiting_customer';

export class RefundDecisionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(shopId: string, decisionId: string): Promise<DecisionRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: refundDecisionKey(shopId, decisionId), ConsistentRead: true }));
    return Item?.record as DecisionRecord | undefined;
  }

  /** Writes a new decision with its events; false when the decision already exists. */
  async create(record: DecisionRecord, events: readonly OutboxEvent[]): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.item(record), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...this.outboxPuts(events, record.updatedAt),
            // A parcel claim joins the customer's claims index (a return's case did when it was created).
            ...(record.returnId === undefined && record.customer.id ? [customerClaimPut(this.tableName, record.shopId, record.customer.id, { kind: 'parcel_claim', id: record.decisionId, orderId: record.orderId, createdAt: record.createdAt })] : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** Writes `next` only if the stored decision is still at `next.version - 1`. */
  async update(next: DecisionRecord, events: readonly OutboxEvent[] = [], audit?: AuditRecord): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: this.item(next), ConditionExpression: '#record.#version = :expected', ExpressionAttributeNames: { '#record': 'record', '#version': 'version' }, ExpressionAttributeValues: { ':expected': next.version - 1 } } },
            ...this.outboxPuts(events, next.updatedAt),
            ...(audit ? auditWrites(this.tableName, audit) : []),
          ],
        }),
      );
    } catch (error) {
      if (lostRace(error)) throw new ConcurrentDecisionChangeError(`Decision ${next.decisionId} changed while this was decided`);
      throw error;
    }
  }

  /** Writes events to the outbox alone (a parcel claim filed: it is decided from its event), with a person's audit record. */
  async publish(events: readonly OutboxEvent[], at: string, audit?: AuditRecord): Promise<void> {
    await this.client.send(new TransactWriteCommand({ TransactItems: [...this.outboxPuts(events, at), ...(audit ? auditWrites(this.tableName, audit) : [])] }));
  }

  /** The shop's decisions waiting for a person, oldest first. */
  async reviews(shopId: string, options: { limit: number; cursor?: string }): Promise<Page<DecisionRecord>> {
    return this.page({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': refundReviewsKey(shopId) } }, options);
  }

  /** Every decision on an order, oldest first. */
  async ofOrder(shopId: string, orderId: string): Promise<DecisionRecord[]> {
    return (await this.page({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': orderDecisionsKey(shopId, orderId) } }, { limit: 100 })).items;
  }

  private async page(query: { IndexName: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }, options: { limit: number; cursor?: string }): Promise<Page<DecisionRecord>> {
    const result = await this.client.send(new QueryCommand({ TableName: this.tableName, ...query, Limit: options.limit, ExclusiveStartKey: decodeCursor(options.cursor) }));
    return { items: (result.Items ?? []).map((item) => item.record as DecisionRecord), nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  private item(record: DecisionRecord) {
    return {
      ...refundDecisionKey(record.shopId, record.decisionId),
      record,
      gsi2pk: orderDecisionsKey(record.shopId, record.orderId),
      gsi2sk: `${record.createdAt}#${record.decisionId}`,
      // Only a decision waiting for a person is in the review queue.
      ...(waiting(record) ? { gsi1pk: refundReviewsKey(record.shopId), gsi1sk: `${record.createdAt}#${record.decisionId}` } : {}),
    };
  }

  private outboxPuts(events: readonly OutboxEvent[], at: string) {
    const now = new Date(at);
    return events.map((event) => ({ Put: { TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' } }));
  }
}
