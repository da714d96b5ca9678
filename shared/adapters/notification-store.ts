// Notifications in the state table. One ledger item per deduplication key: claimed before a send
// (a conditional write, so two workers or a repeated request cannot both send), then closed as
// sent, suppressed, deferred or failed, with its history, in one transaction with the event that
// announces it. Address items keep bounces, SMS STOP and marketing opt-outs; a marketing item per
// customer keeps recent sends for the weekly cap.
import { randomUUID } from 'node:crypto';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../api/cursor.ts';
import type { Channel } from '../events/common.ts';
import type { AddressStatus } from '../notifications/policy.ts';
import { isConditionFailure } from './dynamodb.ts';

export type NotificationStatus = 'sending' | 'retry' | 'deferred' | 'sent' | 'suppressed' | 'failed' | 'delivered' | 'bounced' | 'complained';

export interface HistoryEntry {
  at: string;
  status: NotificationStatus;
  channel?: Channel;
  detail?: string;
}

export interface NotificationRecord {
  pk: string;
  notificationId: string;
  shopId: string;
  customerId: string;
  messageType: string;
  category: 'transactional' | 'marketing';
  deduplicationKey: string;
  status: NotificationStatus;
  channel?: Channel;
  providerMessageId?: string;
  requestedAt: string;
  updatedAt: string;
  leaseUntil: string;
  history: HistoryEntry[];
  related: Record<string, string>;
}

export interface ClaimRequest {
  shopId: string;
  notificationId: string;
  customerId: string;
  messageType: string;
  category: 'transactional' | 'marketing';
  deduplicationKey: string;
  related: Record<string, string>;
}

export const notificationKey = (shopId: string, deduplicationKey: string) => `NOTIFICATION#${shopId}#${deduplicationKey}`;
export const addressKey = (shopId: string, channel: Channel, address: string) => `CONTACT#${shopId}#${channel}#${address.trim().toLowerCase()}`;
const marketingKey = (shopId: string, customerId: string) => `MARKETING#${shopId}#${customerId}`;
/** The most specific entity a notification is about, for the per-case delivery log. */
export function subjectOf(related: Record<string, string>): string | undefined {
  for (const field of ['caseId', 'returnId', 'refundId', 'delayId', 'nudgeId', 'surveyId', 'orderId']) if (related[field]) return `${field.replace(/Id$/, '')}#${related[field]}`;
  return undefined;
}


export type Claim = { claimed: true } | { claimed: false; existing: NotificationRecord };

export class NotificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Takes the deduplication key for one attempt of `leaseMs`: granted when the key is new, or
   * was deferred or released, or its last attempt's lease ran out (a worker died mid-send).
   */
  async claim(request: ClaimRequest, now: Date, leaseMs: number): Promise<Claim> {
    const pk = notificationKey(request.shopId, request.deduplicationKey);
    const at = now.toISOString();
    const subject = subjectOf(request.related);
    // Marks this attempt's claim: if the write applied but its answer was lost, the SDK's retry
    // fails on the condition, and the token shows the claim is ours (not another worker's).
    const claimToken = randomUUID();
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk: 'NOTIFICATION' },
          UpdateExpression:
            'SET #status = :sending, leaseUntil = :lease, claimToken = :claimToken, updatedAt = :at, notificationId = if_not_exists(notificationId, :id), shopId = :shop, customerId = :customer, messageType = :type, category = :category, deduplicationKey = :key, related = :related, requestedAt = if_not_exists(requestedAt, :at), gsi1pk = :byCustomer, gsi1sk = if_not_exists(gsi1sk, :at), history = list_append(if_not_exists(history, :empty), :entry)' +
            (subject ? ', gsi2pk = :bySubject, gsi2sk = if_not_exists(gsi2sk, :at)' : ''),
          ConditionExpression: 'attribute_not_exists(pk) OR (#status IN (:deferred, :retry, :sending) AND leaseUntil <= :at)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':deferred': 'deferred',
            ':retry': 'retry',
            ':lease': new Date(now.getTime() + leaseMs).toISOString(),
            ':claimToken': claimToken,
            ':at': at,
            ':id': request.notificationId,
            ':shop': request.shopId,
            ':customer': request.customerId,
            ':type': request.messageType,
            ':category': request.category,
            ':key': request.deduplicationKey,
            ':related': request.related,
            ':byCustomer': `NOTIFICATIONS#${request.shopId}#${request.customerId}`,
            ':empty': [],
            ':entry': [{ at, status: 'sending' } satisfies HistoryEntry],
            ...(subject ? { ':bySubject': `NOTIFICATIONS#${request.shopId}#${subject}` } : {}),
          },
        }),
      );
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(request.shopId, request.deduplicationKey);
      if (!existing) throw error;
      if (existing.status === 'sending' && (existing as { claimToken?: string }).claimToken === claimToken) return { claimed: true };
      return { claimed: false, existing };
    }
  }

  async get(shopId: string, deduplicationKey: string): Promise<NotificationRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: notificationKey(shopId, deduplicationKey), sk: 'NOTIFICATION' }, ConsistentRead: true }));
    return Item as NotificationRecord | undefined;
  }

  /**
   * Closes the attempt this worker claimed, with the items that go with it (the outbox event, the
   * marketing count) in one transaction. `leaseUntil` is when a deferred message may be claimed again.
   */
  async finish(
    shopId: string,
    deduplicationKey: string,
    outcome: { status: Exclude<NotificationStatus, 'sending'>; at: Date; channel?: Channel; providerMessageId?: string; detail?: string; leaseUntil?: string },
    alongside: Array<Record<string, unknown>> = [],
  ): Promise<void> {
    const at = outcome.at.toISOString();
    const entry: HistoryEntry = { at, status: outcome.status, ...(outcome.channel ? { channel: outcome.channel } : {}), ...(outcome.detail ? { detail: outcome.detail.slice(0, 500) } : {}) };
    const values: Record<string, unknown> = { ':status': outcome.status, ':at': at, ':entry': [entry], ':sending': 'sending', ':lease': outcome.leaseUntil ?? at };
    let set = '#status = :status, updatedAt = :at, leaseUntil = :lease, history = list_append(history, :entry)';
    if (outcome.channel) {
      set += ', channel = :channel';
      values[':channel'] = outcome.channel;
    }
    if (outcome.providerMessageId) {
      set += ', providerMessageId = :messageId';
      values[':messageId'] = outcome.providerMessageId;
    }
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: { pk: notificationKey(shopId, deduplicationKey), sk: 'NOTIFICATION' },
              UpdateExpression: `SET ${set}`,
              ConditionExpression: '#status = :sending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: values,
            },
          },
          ...alongside,
        ],
      }),
    );
  }

  /** The transaction item that finds a notification from its provider message id (SES events name only that). */
  providerPointerItem(shopId: string, deduplicationKey: string, providerMessageId: string, at: Date): Record<string, unknown> {
    const item = { pk: `PROVIDERMSG#${providerMessageId}`, sk: 'PROVIDERMSG', notificationPk: notificationKey(shopId, deduplicationKey), expiresAt: Math.floor(at.getTime() / 1000) + 90 * 86_400 };
    return { Put: { TableName: this.tableName, Item: item } };
  }

  /**
   * Adds what the provider reported later (delivered, bounced, complained) to the message's
   * history; the status follows unless it already failed. False when the message is not ours.
   */
  async recordProviderEvent(providerMessageId: string, entry: { at: string; status: 'delivered' | 'bounced' | 'complained' | 'failed'; detail?: string }): Promise<boolean> {
    const { Item: pointer } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: `PROVIDERMSG#${providerMessageId}`, sk: 'PROVIDERMSG' } }));
    if (!pointer) return false;
    const key = { pk: pointer.notificationPk as string, sk: 'NOTIFICATION' };
    const history = [{ at: entry.at, status: entry.status, ...(entry.detail ? { detail: entry.detail.slice(0, 500) } : {}) }];
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #status = :status, updatedAt = :at, history = list_append(history, :entry)',
          // A bounce or complaint outranks "delivered"; nothing outranks them.
          ConditionExpression: entry.status === 'delivered' ? '#status = :sent' : '#status IN (:sent, :delivered)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': entry.status, ':at': entry.at, ':entry': history, ':sent': 'sent', ...(entry.status === 'delivered' ? {} : { ':delivered': 'delivered' }) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: key, UpdateExpression: 'SET history = list_append(history, :entry)', ExpressionAttributeValues: { ':entry': history } }));
    }
    return true;
  }

  /** The statuses of the recipient's email address and phone number. */
  async addressStatuses(shopId: string, recipient: { email?: string; phone?: string }): Promise<{ email?: AddressStatus; sms?: AddressStatus }> {
    const keys = [
      ...(recipient.email ? [{ pk: addressKey(shopId, 'email', recipient.email), sk: 'CONTACT' }] : []),
      ...(recipient.phone ? [{ pk: addressKey(shopId, 'sms', recipient.phone), sk: 'CONTACT' }] : []),
    ];
    if (keys.length === 0) return {};
    const result = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }));
    const items = result.Responses?.[this.tableName] ?? [];
    const find = (channel: Channel, address?: string) => (address ? (items.find((item) => item.pk === addressKey(shopId, channel, address)) as AddressStatus | undefined) : undefined);
    return { email: find('email', recipient.email), sms: find('sms', recipient.phone) };
  }

  /** Records the customer's marketing choice for one address (our unsubscribe link or preferences page). */
  async setMarketing(shopId: string, channel: Channel, address: string, marketing: boolean, at: Date, source: string): Promise<AddressStatus> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: addressKey(shopId, channel, address), sk: 'CONTACT' },
        UpdateExpression: 'SET marketing = :marketing, marketingAt = :at, history = list_append(if_not_exists(history, :empty), :entry)',
        ExpressionAttributeValues: { ':marketing': marketing ? 'opted_in' : 'opted_out', ':at': at.toISOString(), ':empty': [], ':entry': [{ at: at.toISOString(), what: marketing ? 'marketing_opted_in' : 'marketing_opted_out', source }] },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes as AddressStatus;
  }

  /** Marketing messages sent to the customer since `since`. */
  async marketingSentSince(shopId: string, customerId: string, since: Date): Promise<number> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: marketingKey(shopId, customerId), sk: 'MARKETING' }, ConsistentRead: true }));
    return ((Item?.sentAt as string[] | undefined) ?? []).filter((at) => at >= since.toISOString()).length;
  }

  /** The transaction item that counts one more marketing message (keeps the last 20). */
  marketingSentItem(shopId: string, customerId: string, at: Date): Record<string, unknown> {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: marketingKey(shopId, customerId), sk: 'MARKETING' },
        UpdateExpression: 'SET sentAt = list_append(if_not_exists(sentAt, :empty), :at)',
        ExpressionAttributeValues: { ':empty': [], ':at': [at.toISOString()] },
      },
    };
  }

  /** A page of a customer's (or a case's) notifications, newest first. */
  async list(shopId: string, by: { customerId: string } | { subject: string }, options: { limit: number; cursor?: string }): Promise<Page<NotificationRecord>> {
    const byCustomer = 'customerId' in by;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byCustomer ? 'gsi1' : 'gsi2',
        KeyConditionExpression: byCustomer ? 'gsi1pk = :pk' : 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': byCustomer ? `NOTIFICATIONS#${shopId}#${by.customerId}` : `NOTIFICATIONS#${shopId}#${by.subject}` },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor),
      }),
    );
    return { items: (result.Items ?? []) as NotificationRecord[], nextCursor: encodeCursor(result.LastEvaluatedKey) };
  }
}

