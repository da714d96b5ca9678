// Raw webhook deliveries in the state table, kept compressed for 30 days: one item per delivery,
// written only if absent, so a storefront's retry finds the first one and changes nothing.
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deadLetterIndexKey } from '../ops/dead-letters.ts';
import type { DeliveryDraft } from '../webhooks/receive.ts';
import { isConditionFailure } from './dynamodb.ts';

export const deliveryRetentionDays = 30;
/** DynamoDB items stop at 400 KB; leave room for the other attributes. */
export const maxStoredBodyBytes = 350 * 1024;

/** `discarded`: a quarantined delivery ops closed without re-driving it. */
export type DeliveryStatus = 'received' | 'processed' | 'quarantined' | 'discarded';

export interface StoredDelivery extends Omit<DeliveryDraft, 'body'> {
  pk: string;
  sk: 'DELIVERY';
  status: DeliveryStatus;
  body: Uint8Array;
  reason?: string;
  detail?: string;
  expiresAt: number;
}

export class DeliveryTooLargeError extends Error {}

export function deliveryKey(draft: Pick<DeliveryDraft, 'shopId' | 'provider' | 'dedupeKey'>): string {
  return `DELIVERY#${draft.shopId}#${draft.provider}#${draft.dedupeKey}`;
}

export function readBody(delivery: Pick<StoredDelivery, 'body'>): Buffer {
  return gunzipSync(delivery.body);
}


export class DeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private item(draft: DeliveryDraft, status: DeliveryStatus, extra: Partial<StoredDelivery> = {}): StoredDelivery {
    const body = gzipSync(draft.body);
    if (body.length > maxStoredBodyBytes) throw new DeliveryTooLargeError(`The body is ${body.length} bytes compressed; the limit is ${maxStoredBodyBytes}`);
    const { body: _raw, ...rest } = draft;
    return {
      ...rest,
      pk: deliveryKey(draft),
      sk: 'DELIVERY',
      status,
      body,
      expiresAt: Math.floor(Date.parse(draft.receivedAt) / 1000) + deliveryRetentionDays * 86_400,
      ...extra,
    };
  }

  /** Stores a new delivery; returns the one already stored when this is a retry. */
  async accept(draft: DeliveryDraft): Promise<{ created: true; pk: string } | { created: false; existing: StoredDelivery }> {
    const item = this.item(draft, 'received', { gsi1pk: `DELIVERIES#${draft.shopId}`, gsi1sk: draft.receivedAt } as Partial<StoredDelivery>);
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return { created: true, pk: item.pk };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(item.pk);
      if (!existing) throw error;
      return { created: false, existing };
    }
  }

  /** Keeps an authentic delivery we could not accept, with the reason, among the open dead letters. */
  async quarantine(draft: DeliveryDraft, reason: string, detail: string): Promise<string> {
    const item = this.item(draft, 'quarantined', { reason, detail, gsi1pk: deadLetterIndexKey('open'), gsi1sk: draft.receivedAt } as Partial<StoredDelivery>);
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return item.pk;
  }

  async get(pk: string): Promise<StoredDelivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk, sk: 'DELIVERY' }, ConsistentRead: true }));
    return Item as StoredDelivery | undefined;
  }

}
