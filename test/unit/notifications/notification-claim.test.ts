// A claim whose write applied but whose answer was lost: the SDK retries it, the retry fails on
// the condition, and the store must still know the claim is its own (else the message waits for
// its lease to run out, or for the dead-letter queue).
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { NotificationStore } from '../../../shared/adapters/notification-store.ts';

function conditionFailure(): Error {
  return Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
}

/** A table of one item whose first write applies and then "fails", as a lost answer retried by the SDK does. */
function tableLosingFirstAnswer(existing?: Record<string, unknown>) {
  let item = existing;
  return {
    async send(command: unknown) {
      if (command instanceof UpdateCommand) {
        const values = command.input.ExpressionAttributeValues!;
        if (!item) {
          item = { status: values[':sending'], claimToken: values[':claimToken'], leaseUntil: values[':lease'] };
        }
        throw conditionFailure();
      }
      if (command instanceof GetCommand) return { Item: item };
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBDocumentClient;
}

const request = { shopId: 'demo-shop', notificationId: 'n-1', customerId: 'c-1', messageType: 'return_received', category: 'transactional' as const, deduplicationKey: 'return_received#r-1', related: { returnId: 'r-1' } };

describe('claiming a notification', () => {
  it('is granted when its own write applied but the answer was lost', async () => {
    const store = new NotificationStore(tableLosingFirstAnswer(), 'state');
    expect(await store.claim(request, new Date('2026-12-01T10:00:00Z'), 60_000)).toEqual({ claimed: true });
  });

  it('is refused while another worker holds the key', async () => {
    const store = new NotificationStore(tableLosingFirstAnswer({ status: 'sending', claimToken: 'someone-else', leaseUntil: '2026-12-01T10:01:00Z' }), 'state');
    expect(await store.claim(request, new Date('2026-12-01T10:00:00Z'), 60_000)).toMatchObject({ claimed: false, existing: { status: 'sending' } });
  });
});
