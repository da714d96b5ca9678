import { describe, expect, it } from 'vitest';
import { archivedMessage, deadLetterId, deadLetterKey, deliveryDeadLetter, messageDeadLetter, statusOf, type DeadLetterSource } from '../../../shared/ops/dead-letters.ts';

const journalSource: DeadLetterSource = { arn: 'arn:aws:sqs:us-east-1:1:journal-dlq', name: 'OpsApi/JournalQueue/DeadLetters', redrive: { kind: 'queue', url: 'http://sqs/journal' } };
const now = new Date('2031-03-01T12:00:00Z');

function record(body: unknown, extra: Partial<{ attributes: Record<string, string>; messageAttributes: Record<string, { stringValue?: string }> }> = {}) {
  return { messageId: 'm-1', body: typeof body === 'string' ? body : JSON.stringify(body), attributes: { SentTimestamp: String(Date.parse('2031-03-01T11:00:00Z')), ApproximateReceiveCount: '2', ...extra.attributes }, messageAttributes: extra.messageAttributes ?? {}, eventSourceARN: journalSource.arn };
}

describe('dead-letter ids', () => {
  it('round-trip the keys of deliveries and archived messages only', () => {
    for (const pk of ['DELIVERY#shop#shopify#e-1', 'DEADLETTER#Outbox/DeadLetters#m-1']) expect(deadLetterKey(deadLetterId(pk))).toBe(pk);
    expect(deadLetterKey(deadLetterId('ORDER#shop#1'))).toBeUndefined();
    expect(deadLetterKey('not base64 at all!')).toBeUndefined();
  });
});

describe('archivedMessage', () => {
  it('keeps an EventBridge event with its shop, detail-type, failure attributes and send time, open and indexed', () => {
    const item = archivedMessage(
      record({ 'detail-type': 'OrderPlaced', detail: { shopId: 'acme' } }, { messageAttributes: { ERROR_CODE: { stringValue: 'SQSError' }, ERROR_MESSAGE: { stringValue: 'Access denied' }, EMPTY: {} } }),
      journalSource,
      now,
    );
    expect(item).toMatchObject({
      pk: 'DEADLETTER#OpsApi/JournalQueue/DeadLetters#m-1',
      status: 'open',
      gsi1pk: 'DEADLETTERS#open',
      gsi1sk: '2031-03-01T11:00:00.000Z',
      shopId: 'acme',
      topic: 'OrderPlaced',
      attempts: 2,
      failure: { ERROR_CODE: 'SQSError', ERROR_MESSAGE: 'Access denied' },
      redrive: journalSource.redrive,
    });
    expect(messageDeadLetter(item)).toMatchObject({ kind: 'failed_message', reason: 'SQSError', detail: 'Access denied', redrivable: true });
  });

  it('reads the shop of a delivery message, and keeps a body that is not JSON as it came', () => {
    expect(archivedMessage(record({ deliveryKey: 'DELIVERY#acme#shopify#e-1' }), journalSource, now)).toMatchObject({ shopId: 'acme', topic: 'shopify delivery' });
    const opaque = archivedMessage(record('not json'), { ...journalSource, redrive: { kind: 'none', why: 'no way back' } }, now);
    expect(opaque.body).toBe('not json');
    expect(opaque.shopId).toBeUndefined();
    expect(messageDeadLetter(opaque)).toMatchObject({ reason: 'max_receives', redrivable: false, detail: expect.stringContaining('OpsApi/JournalQueue') });
  });
});

describe('deliveryDeadLetter', () => {
  it('shows a quarantined delivery with its reason and the status its index says', () => {
    const delivery = { pk: 'DELIVERY#acme#shopify#e-1', status: 'quarantined', shopId: 'acme', provider: 'shopify', topic: 'products/create', receivedAt: '2031-03-01T10:00:00Z', reason: 'unsupported_topic', detail: 'products/create is not handled', gsi1pk: 'DEADLETTERS#open' };
    expect(deliveryDeadLetter(delivery)).toMatchObject({ kind: 'quarantined_delivery', status: 'open', source: 'shopify', reason: 'unsupported_topic', redrivable: true });
    expect(statusOf({ gsi1pk: 'DEADLETTERS#discarded' })).toBe('discarded');
  });
});
