import { describe, expect, it } from 'vitest';
import { chunks64k, dynamoUnits, LocalUsage, sesRecipients } from '../../../infra/local/usage/counters.ts';

function counters() {
  let now = new Date('2026-12-01T00:00:00Z');
  const usage = new LocalUsage({ now: () => now, mappedQueues: () => 3 });
  return { usage, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('the local stack’s usage counters', () => {
  it('bills Lambda duration rounded up to 1 ms at the configured memory', () => {
    const { usage } = counters();
    usage.invocation('Receive', 1024, 10.2);
    usage.invocation('Receive', 1024, 0.1);
    usage.invocation('Send', 256, 100);
    const { lambda } = usage.snapshot();
    expect(lambda.invocations).toBe(3);
    expect(lambda.gbSeconds).toBeCloseTo(0.011 * 1 + 0.001 * 1 + 0.1 * 0.25, 6);
    expect(lambda.byFunction.Receive).toEqual({ invocations: 2, billedMs: 12, memoryMb: 1024 });
  });

  it('counts custom events in 64 KB chunks and leaves AWS service events out', () => {
    const { usage } = counters();
    usage.putEvents([{ Source: 'aftersales', DetailType: 'OrderPlaced', Detail: '{}' }, { Source: 'aftersales', DetailType: 'Big', Detail: 'x'.repeat(70 * 1024) }]);
    usage.putEvents([{ Source: 'aws.ses', DetailType: 'Email Delivered', Detail: '{}' }]);
    expect(usage.snapshot().eventbridge).toEqual({ putEventsCalls: 1, events: 3 });
    expect(chunks64k(64 * 1024)).toBe(1);
    expect(chunks64k(64 * 1024 + 1)).toBe(2);
  });

  it('counts SQS sends per 64 KB, receives with and without messages apart, deletes, and ignores set-up calls', () => {
    const { usage } = counters();
    usage.sqsRequest('SendMessage', { MessageBody: 'hello' }, {});
    usage.sqsRequest('SendMessageBatch', { Entries: [{ MessageBody: 'a' }, { MessageBody: 'b' }] }, {});
    usage.sqsRequest('ReceiveMessage', {}, { Messages: [{}, {}] });
    usage.sqsRequest('ReceiveMessage', {}, {});
    usage.sqsRequest('DeleteMessageBatch', {}, {});
    usage.sqsRequest('CreateQueue', {}, {});
    usage.sqsRequest('GetQueueAttributes', {}, {});
    expect(usage.snapshot().sqs).toEqual({ sendRequests: 2, messagesSent: 3, receiveRequests: 1, emptyReceives: 1, deleteRequests: 1, changeVisibilityRequests: 0, mappedQueues: 3 });
  });

  it('takes DynamoDB units from ConsumedCapacity, and 1 WRU for a write its condition refused', () => {
    const { usage } = counters();
    usage.dynamodbRequest('PutItem', 200, { ConsumedCapacity: { CapacityUnits: 3 } });
    usage.dynamodbRequest('GetItem', 200, { ConsumedCapacity: { CapacityUnits: 0.5 } });
    usage.dynamodbRequest('TransactWriteItems', 200, { ConsumedCapacity: [{ CapacityUnits: 4, WriteCapacityUnits: 4 }] });
    usage.dynamodbRequest('UpdateItem', 400, { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException' });
    usage.dynamodbRequest('DescribeTable', 200, {});
    expect(usage.snapshot().dynamodb).toEqual({ requests: 4, readUnits: 0.5, writeUnits: 8, failedConditionalWrites: 1 });
    expect(dynamoUnits('Query', 400, { __type: 'ValidationException' })).toEqual({ read: 0, write: 0, failedConditionalWrite: false });
  });

  it('counts schedule API calls by kind, emails per recipient and SMS segments', () => {
    const { usage } = counters();
    usage.schedulerApiCall('POST', '/schedules/return-1');
    usage.schedulerApiCall('DELETE', '/schedules/return-1');
    usage.schedulerApiCall('GET', '/schedules');
    usage.scheduleFired();
    usage.emailSent(sesRecipients({ Destination: { ToAddresses: ['a@x.test'], BccAddresses: ['b@x.test'] } }));
    usage.smsSent(2);
    const snapshot = usage.snapshot();
    expect(snapshot.scheduler).toEqual({ invocations: 1, createCalls: 1, updateCalls: 0, deleteCalls: 1, otherCalls: 1 });
    expect(snapshot.ses).toEqual({ sendRequests: 1, emails: 2 });
    expect(snapshot.sms).toEqual({ messages: 1, segments: 2 });
  });

  it('starts afresh on reset, and reports the local clock span it covers', () => {
    const { usage, advance } = counters();
    usage.apiRequest();
    advance(60_000);
    expect(usage.snapshot()).toMatchObject({ api: { requests: 1 }, clockSpanMs: 60_000 });
    usage.reset();
    advance(1000);
    expect(usage.snapshot()).toMatchObject({ api: { requests: 0 }, clockSpanMs: 1000, since: { clock: '2026-12-01T00:01:00.000Z' } });
  });
});
