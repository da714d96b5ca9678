// Provider feedback on the address items the sender reads (`CONTACT#<shop>#<channel>#<address>`):
// SES bounces and complaints suppress an email, SMS STOP and START stop and resume a number.
// Each change is one UpdateItem without a condition, so it applies whether or not the item exists
// and a redelivered event sets the same values again. The history list is append-only: a
// redelivery may repeat an entry, which its `source` (the provider's event id) identifies.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../events/common.ts';
import { addressKey } from './notification-store.ts';

export type AddressHistoryWhat = 'bounced' | 'complained' | 'soft_bounced' | 'rejected' | 'not_spam' | 'sms_stopped' | 'sms_started';

export interface AddressHistoryEntry {
  at: string;
  what: AddressHistoryWhat;
  /** Where it came from, e.g. `ses:Bounce:<feedbackId>` or `sms:inbound:<inboundMessageId>`. */
  source: string;
  detail?: string;
}

export interface Provenance {
  at: string;
  source: string;
  detail?: string;
}

// Spelled as names in expressions, in case DynamoDB reserves them.
const names = { '#channel': 'channel', '#address': 'address' };

export class AddressBook {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Nothing more goes to this email (the sender falls back to SMS for transactional messages). */
  suppressEmail(shopId: string, email: string, reason: 'bounced' | 'complained', provenance: Provenance): Promise<void> {
    return this.update(shopId, 'email', email, { set: ['suppressed = :reason', 'suppressedAt = :at'], values: { ':reason': reason } }, reason, provenance);
  }

  /** SMS STOP (`stopped` true) or START (false, which removes the stop). */
  setSmsStopped(shopId: string, phone: string, stopped: boolean, provenance: Provenance): Promise<void> {
    return stopped
      ? this.update(shopId, 'sms', phone, { set: ['stopped = :stopped', 'stoppedAt = :at'], values: { ':stopped': true } }, 'sms_stopped', provenance)
      : this.update(shopId, 'sms', phone, { set: ['resumedAt = :at'], remove: ['stopped', 'stoppedAt'] }, 'sms_started', provenance);
  }

  /** An event worth keeping that changes nothing (a soft bounce, a rejection). */
  note(shopId: string, channel: Channel, address: string, what: AddressHistoryWhat, provenance: Provenance): Promise<void> {
    return this.update(shopId, channel, address, {}, what, provenance);
  }

  /**
   * The last delivery to an email: kept as fields, not history, because every delivered message
   * would otherwise grow the item toward DynamoDB's 400 KB limit.
   */
  async delivered(shopId: string, email: string, at: string, providerMessageId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: addressKey(shopId, 'email', email), sk: 'CONTACT' },
        UpdateExpression: 'SET lastDeliveredAt = :at, lastDeliveredMessageId = :id, shopId = :shop, #channel = :channel, #address = :address',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':at': at, ':id': providerMessageId, ':shop': shopId, ':channel': 'email', ':address': email.trim().toLowerCase() },
      }),
    );
  }

  /** Applies `change` with the item's identity and one more history entry. */
  private async update(shopId: string, channel: Channel, address: string, change: { set?: string[]; remove?: string[]; values?: Record<string, unknown> }, what: AddressHistoryWhat, provenance: Provenance): Promise<void> {
    const entry: AddressHistoryEntry = { at: provenance.at, what, source: provenance.source, ...(provenance.detail ? { detail: provenance.detail.slice(0, 300) } : {}) };
    const set = [...(change.set ?? []), 'updatedAt = :at', 'shopId = :shop', '#channel = :channel', '#address = :address', 'history = list_append(if_not_exists(history, :empty), :entry)'];
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: addressKey(shopId, channel, address), sk: 'CONTACT' },
        UpdateExpression: `SET ${set.join(', ')}${change.remove?.length ? ` REMOVE ${change.remove.join(', ')}` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...change.values, ':at': provenance.at, ':shop': shopId, ':channel': channel, ':address': address.trim().toLowerCase(), ':empty': [], ':entry': [entry] },
      }),
    );
  }
}
