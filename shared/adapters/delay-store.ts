// Delay watches in the state table, one item per watched order (`DELAYWATCH#<shopId>#<orderId>`,
// sk `WATCH`) with a version. While the order has an open delay it is on gsi1
// (`DELAYS#<shopId>#open`, sorted by the earliest open delay's detection time), which the ops
// routes list. A save is one transaction with its outbox events, conditional on the version read,
// so two handlers racing on the same order cannot both write: the loser retries.
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { openDelays, type DelayWatch } from '../delays/watch.ts';
import type { EventDefinition } from '../events/define.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import { ConcurrentChangeError } from './ingest-store.ts';
import { isConditionFailure } from './dynamodb.ts';

export { ConcurrentChangeError };

export const delayWatchKey = (shopId: string, orderId: string) => ({ pk: `DELAYWATCH#${shopId}#${orderId}`, sk: 'WATCH' });
export const openDelaysIndexKey = (shopId: string) => `DELAYS#${shopId}#open`;

export interface StoredWatch {
  watch: DelayWatch;
  version: number;
}

export interface DelayOutboxEvent {
  eventId: string;
  definition: EventDefinition;
  detail: unknown;
}

/** The gsi1 keys of a watch with an open delay; none once every delay is resolved. */
export function openDelayIndex(watch: DelayWatch): { gsi1pk: string; gsi1sk: string } | undefined {
  const earliest = openDelays(watch)
    .map((delay) => delay.detectedAt)
    .sort()[0];
  return earliest ? { gsi1pk: openDelaysIndexKey(watch.shopId), gsi1sk: `${earliest}#${watch.orderId}` } : undefined;
}

export class DelayStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(shopId: string, orderId: string): Promise<StoredWatch | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: delayWatchKey(shopId, orderId), ConsistentRead: true }));
    return Item ? { watch: Item.watch as DelayWatch, version: Item.version as number } : undefined;
  }

  /** Publishes an event that changes no watch (the daily digest) through the outbox; an event id already written is not written again. */
  async publish(event: DelayOutboxEvent, now: Date = new Date()): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Writes the watch (a new one when `expectedVersion` is undefined) with its outbox events, all or
   * nothing; returns the new version. Throws ConcurrentChangeError when another writer came first.
   */
  async save(next: DelayWatch, expectedVersion: number | undefined, events: readonly DelayOutboxEvent[], now: Date = new Date()): Promise<number> {
    const version = (expectedVersion ?? 0) + 1;
    // A Put replaces the whole item, so a resolved watch drops off the open-delays index.
    const item = { ...delayWatchKey(next.shopId, next.orderId), watch: next, version, ...openDelayIndex(next) };
    const condition =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': expectedVersion } };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: item, ...condition } },
            ...events.map(({ eventId, definition, detail }) => ({
              Put: { TableName: this.tableName, Item: { ...outboxItem(definition, detail, { eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          ],
        }),
      );
      return version;
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError(`The delay watch of order ${next.orderId} changed while it was being updated`);
      throw error;
    }
  }
}
