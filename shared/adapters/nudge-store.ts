// Nudges in the state table, one item per nudge of a customer (`NUDGES#<shopId>#<customerId>` /
// `<nudgeId>`, with a version), and the planner's book of the customer
// (`NUDGECUSTOMER#<shopId>#<customerId>`): the ids of their orders (`ORDER#<orderId>`, since orders
// are not indexed by customer) and their win-back timer (`WINBACK`). A save is one transaction
// with its outbox events: a new nudge only if its id is new, a changed one only at the version
// read, so a redelivered event or a twice-fired timer cannot plan or send a nudge twice.
import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDefinition } from '../events/define.ts';
import type { OrderState } from '../ingest/order-state.ts';
import type { SentNudge } from '../nudges/customer-state.ts';
import { sentNudgesOf, type NudgeRecord, type WinbackTimer } from '../nudges/planner.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import { isConditionFailure } from './dynamodb.ts';
import { ConcurrentChangeError, orderKey } from './ingest-store.ts';

export { ConcurrentChangeError };

export const nudgesPartition = (shopId: string, customerId: string) => `NUDGES#${shopId}#${customerId}`;
export const nudgeKey = (shopId: string, customerId: string, nudgeId: string) => ({ pk: nudgesPartition(shopId, customerId), sk: nudgeId });
const bookPartition = (shopId: string, customerId: string) => `NUDGECUSTOMER#${shopId}#${customerId}`;
const winbackKey = (shopId: string, customerId: string) => ({ pk: bookPartition(shopId, customerId), sk: 'WINBACK' });
const orderIndexKey = (shopId: string, customerId: string, orderId: string) => ({ pk: bookPartition(shopId, customerId), sk: `ORDER#${orderId}` });
/**
 * A product's repurchase intervals, one item per customer who bought it more than once
 * (`PRODUCTCYCLE#<shopId>#<productId>` / `<customerId>`): the product's learned cycle is the median
 * of them all, read by key instead of over every order of the shop.
 */
const productCyclePartition = (shopId: string, productId: string) => `PRODUCTCYCLE#${shopId}#${productId}`;
/** Customers' intervals read per product at most: the median of 500 customers is settled. */
const maxCustomersPerProduct = 500;

/** The customer's orders read at most (the newest ids are not known, so: the first this many). */
const maxOrdersRead = 500;

export interface NudgeOutboxEvent {
  eventId: string;
  definition: EventDefinition;
  detail: unknown;
}

export interface CustomerBook {
  orderIds: string[];
  winback?: WinbackTimer;
}

export interface NudgeChanges {
  shopId: string;
  customerId: string;
  /** Nudges to write at `record.version`: version 1 is new (its id must be), later ones replace `version - 1`. */
  nudges?: readonly NudgeRecord[];
  /** The win-back timer at its next version. */
  winback?: WinbackTimer;
  /** An order of the customer not yet in their book. */
  addOrderId?: string;
}

const versionCondition = (version: number) =>
  version === 1
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': version - 1 } };

const recordOf = (item: Record<string, unknown>): NudgeRecord => {
  const { pk: _pk, sk: _sk, ...record } = item;
  return record as unknown as NudgeRecord;
};

export class NudgeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Every nudge of the customer, whatever its status. */
  async nudges(shopId: string, customerId: string): Promise<NudgeRecord[]> {
    const records: NudgeRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': nudgesPartition(shopId, customerId) }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      records.push(...(result.Items ?? []).filter((item) => item.nudgeId).map(recordOf));
      start = result.LastEvaluatedKey;
    } while (start);
    return records;
  }

  /** The nudges that went out (status `sent`), oldest first. */
  async sentNudges(shopId: string, customerId: string): Promise<SentNudge[]> {
    return sentNudgesOf(await this.nudges(shopId, customerId));
  }

  async nudge(shopId: string, customerId: string, nudgeId: string): Promise<NudgeRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: nudgeKey(shopId, customerId, nudgeId), ConsistentRead: true }));
    return Item ? recordOf(Item) : undefined;
  }

  /** The customer's order ids and win-back timer. */
  async book(shopId: string, customerId: string): Promise<CustomerBook> {
    const book: CustomerBook = { orderIds: [] };
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookPartition(shopId, customerId) }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      for (const item of result.Items ?? []) {
        if (item.sk === 'WINBACK') book.winback = { timerId: item.timerId as string, ...(item.dueAt ? { dueAt: item.dueAt as string } : {}), version: item.version as number };
        else if (typeof item.orderId === 'string') book.orderIds.push(item.orderId);
      }
      start = result.LastEvaluatedKey;
    } while (start && book.orderIds.length < maxOrdersRead);
    return book;
  }

  /** The stored states of these orders (missing ones left out). */
  async orders(shopId: string, orderIds: readonly string[]): Promise<OrderState[]> {
    const found: OrderState[] = [];
    const ids = [...new Set(orderIds)].slice(0, maxOrdersRead);
    for (let i = 0; i < ids.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [this.tableName]: { Keys: ids.slice(i, i + 100).map((id) => orderKey(shopId, id)) } };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[this.tableName] ?? []) if (item.state) found.push(item.state as OrderState);
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  /**
   * Records the customer's own intervals between orders of each product (derived data, replaced
   * whole: the same orders always give the same intervals, and later orders only add to them).
   */
  async recordProductIntervals(shopId: string, customerId: string, intervals: ReadonlyMap<string, readonly number[]>, now: Date = new Date()): Promise<void> {
    const puts = [...intervals]
      .filter(([, days]) => days.length > 0)
      .map(([productId, days]) => ({ PutRequest: { Item: { pk: productCyclePartition(shopId, productId), sk: customerId, intervals: [...days], updatedAt: now.toISOString() } } }));
    for (let i = 0; i < puts.length; i += 25) {
      let request: Record<string, unknown[]> | undefined = { [this.tableName]: puts.slice(i, i + 25) };
      while (request && Object.keys(request).length > 0) {
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: request as never }));
        request = result.UnprocessedItems as typeof request;
      }
    }
  }

  /** Every recorded customer's intervals of each product, pooled per product. */
  async productIntervals(shopId: string, productIds: readonly string[]): Promise<Map<string, number[]>> {
    const pooled = new Map<string, number[]>();
    await Promise.all(
      [...new Set(productIds)].map(async (productId) => {
        const days: number[] = [];
        let start: Record<string, unknown> | undefined;
        let customers = 0;
        do {
          const result = await this.client.send(
            new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': productCyclePartition(shopId, productId) }, ProjectionExpression: 'intervals', ExclusiveStartKey: start }),
          );
          for (const item of result.Items ?? []) if (Array.isArray(item.intervals)) days.push(...(item.intervals as number[]));
          customers += result.Items?.length ?? 0;
          start = result.LastEvaluatedKey;
        } while (start && customers < maxCustomersPerProduct);
        pooled.set(productId, days);
      }),
    );
    return pooled;
  }

  /** Writes the changes with their outbox events, all or nothing. Throws ConcurrentChangeError when another writer came first. */
  async save(changes: NudgeChanges, events: readonly NudgeOutboxEvent[], now: Date = new Date()): Promise<void> {
    const { shopId, customerId } = changes;
    const items: unknown[] = [];
    for (const record of changes.nudges ?? []) {
      items.push({ Put: { TableName: this.tableName, Item: { ...nudgeKey(shopId, customerId, record.nudgeId), ...record, updatedAt: now.toISOString() }, ...versionCondition(record.version) } });
    }
    if (changes.winback) {
      items.push({ Put: { TableName: this.tableName, Item: { ...winbackKey(shopId, customerId), ...changes.winback, updatedAt: now.toISOString() }, ...versionCondition(changes.winback.version) } });
    }
    // Unconditional: the same order always writes the same item.
    if (changes.addOrderId) items.push({ Put: { TableName: this.tableName, Item: { ...orderIndexKey(shopId, customerId, changes.addOrderId), orderId: changes.addOrderId } } });
    for (const { eventId, definition, detail } of events) {
      items.push({ Put: { TableName: this.tableName, Item: { ...outboxItem(definition, detail, { eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' } });
    }
    if (items.length === 0) return;
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items as never }));
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError(`The nudges of customer ${customerId} changed while they were being updated`);
      throw error;
    }
  }
}
