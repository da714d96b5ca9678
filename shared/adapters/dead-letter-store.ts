// Dead letters in the state table: quarantined deliveries and messages archived from the
// dead-letter queues share one index by status, so one query lists both, newest first. Resolving
// one (re-drive or discard) is a conditional write in one transaction with its audit record.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { AuditRecord } from '../audit/audit.ts';
import { archivedMessagePrefix, deadLetterIndexKey, type ArchivedMessage, type DeadLetterStatus, type DeliveryLike, type Resolution } from '../ops/dead-letters.ts';
import { auditWrites } from './audit-store.ts';
import { isConditionFailure } from './dynamodb.ts';

export type DeadLetterItem = ({ sk: 'DELIVERY' } & DeliveryLike & Record<string, unknown>) | ArchivedMessage;


export class DeadLetterStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Keeps a message taken off a dead-letter queue; a redelivery of the same message changes nothing. */
  async archive(item: ArchivedMessage): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async list(options: { status: DeadLetterStatus; shopId?: string; kind?: 'quarantined_delivery' | 'failed_message'; limit: number; cursor?: string }): Promise<Page<DeadLetterItem>> {
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':pk': deadLetterIndexKey(options.status) };
    if (options.shopId) {
      filters.push('shopId = :shopId');
      values[':shopId'] = options.shopId;
    }
    if (options.kind) {
      filters.push('sk = :sk');
      values[':sk'] = options.kind === 'quarantined_delivery' ? 'DELIVERY' : 'DEADLETTER';
    }
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []) as DeadLetterItem[], nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }

  /** Open dead letters, counted up to `cap`. */
  async countOpen(cap = 1000): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': deadLetterIndexKey('open') },
          Select: 'COUNT',
          Limit: cap - count,
          ExclusiveStartKey: start,
        }),
      );
      count += result.Count ?? 0;
      start = result.LastEvaluatedKey;
    } while (start && count < cap);
    return count;
  }

  async get(pk: string): Promise<DeadLetterItem | undefined> {
    const sk = pk.startsWith(archivedMessagePrefix) ? 'DEADLETTER' : 'DELIVERY';
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }));
    return Item as DeadLetterItem | undefined;
  }

  /** Records that a re-driven dead letter is back on its queue, so a repeated re-drive does not send it twice. */
  async markSent(item: DeadLetterItem): Promise<void> {
    await this.client.send(
      new UpdateCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'SET sentAt = :now', ExpressionAttributeValues: { ':now': new Date().toISOString() } }),
    );
  }

  /**
   * Moves an open dead letter to `resolution.status`, with its audit record, only if it is still
   * open. A quarantined delivery re-driven becomes `received` again so the normalizer maps it.
   * Returns false when someone resolved it first.
   */
  async resolve(item: DeadLetterItem, resolution: Resolution, audit: AuditRecord): Promise<boolean> {
    const isDelivery = item.sk === 'DELIVERY';
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':open': deadLetterIndexKey('open'), ':index': deadLetterIndexKey(resolution.status), ':resolution': resolution };
    let set = 'gsi1pk = :index, resolution = :resolution';
    if (isDelivery) {
      set += ', #status = :deliveryStatus';
      values[':deliveryStatus'] = resolution.status === 'redriven' ? 'received' : 'discarded';
    } else {
      set += ', #status = :status';
      values[':status'] = resolution.status;
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: { pk: item.pk, sk: item.sk },
                UpdateExpression: `SET ${set}`,
                ConditionExpression: 'gsi1pk = :open',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            ...auditWrites(this.tableName, audit),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
