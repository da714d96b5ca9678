// The customer's VIP tier item (`CUSTOMERTIER#<shopId>` / `<customerId>`: tier, points, the
// figures of their orders, version), written by the tier keeper only. A save is one transaction
// with its outbox events, conditional on the version read, so two events of the same customer
// handled at once cannot both write: the loser is redelivered and recomputes. Conversions, which
// change no tier, are published alone with an event id derived from the order: written once.
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventDefinition } from '../events/define.ts';
import type { TierRecord } from '../nudges/tier-keeper.ts';
import { outboxItem } from '../outbox/outbox-item.ts';
import { isConditionFailure } from './dynamodb.ts';
import { ConcurrentChangeError } from './ingest-store.ts';

export { ConcurrentChangeError };

export const customerTierKey = (shopId: string, customerId: string) => ({ pk: `CUSTOMERTIER#${shopId}`, sk: customerId });

export interface TierOutboxEvent {
  eventId: string;
  definition: EventDefinition;
  detail: unknown;
}

const lostRace = (error: unknown) => isConditionFailure(error) || /TransactionConflict/.test(`${(error as Error).name} ${(error as Error).message ?? ''}`);

export class CustomerTierStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(shopId: string, customerId: string): Promise<TierRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: customerTierKey(shopId, customerId), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...record } = Item;
    return { orders: {}, ...record } as TierRecord;
  }

  /** Writes `next` (version 1: a new item) with its events, all or nothing. */
  async save(next: TierRecord, events: readonly TierOutboxEvent[], now: Date): Promise<void> {
    const condition =
      next.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': next.version - 1 } };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...customerTierKey(next.shopId, next.customerId), ...next }, ...condition } },
            ...events.map((event) => ({ Put: { TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' } })),
          ],
        }),
      );
    } catch (error) {
      if (lostRace(error)) throw new ConcurrentChangeError(`The tier of customer ${next.customerId} changed while it was recomputed`);
      throw error;
    }
  }

  /** Publishes an event once per id: false when it was published before. */
  async publishOnce(event: TierOutboxEvent, now: Date): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...outboxItem(event.definition, event.detail, { eventId: event.eventId, now }) }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
