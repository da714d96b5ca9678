// An event put on the bus reaches the handler its rule names, and not others; a handler that keeps
// failing leaves the event in its dead-letter queue after the retries.
import { ListRulesCommand, PutEventsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { OrderPlaced } from '../../shared/events/catalogue.ts';
import { api, clients, eventually, queueUrl, resourceName, settle, uniqueId } from './support.ts';

const busName = resourceName('BackboneBus');
const journalRule = resourceName('OpsApiJournalRule');
const journalFunction = resourceName('OpsApiJournalFunction');
const journalTable = resourceName('BackboneJournalTable');

async function put(source: string, detailType: string, detail: unknown) {
  const result = await clients.events.send(
    new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) }] }),
  );
  expect(result.FailedEntryCount).toBe(0);
  return result.Entries![0]!.EventId!;
}

async function archived(eventId: string) {
  const { body } = await api(`/_local/events`);
  return body.events.find((event: any) => event.id === eventId);
}

describe('event routing', () => {
  it('delivers a canonical event to the journal rule only, and the journal records it', async () => {
    const orderId = uniqueId('order');
    const eventId = await put(OrderPlaced.source, OrderPlaced.detailType, { ...OrderPlaced.example, orderId });
    await settle();

    const event = await archived(eventId);
    // Exactly the rules whose patterns match, as EventBridge itself would judge them.
    const { Rules = [] } = await clients.events.send(new ListRulesCommand({ EventBusName: busName }));
    const expected: string[] = [];
    const { matchedRules, ...plain } = event;
    for (const rule of Rules) {
      const { Result } = await clients.events.send(new TestEventPatternCommand({ EventPattern: rule.EventPattern!, Event: JSON.stringify(plain) }));
      if (Result) expected.push(rule.Name!);
    }
    expect(expected).toContain(journalRule);
    expect(matchedRules.map((match: any) => match.rule).sort()).toEqual(expected.sort());
    const { Items = [] } = await clients.dynamo.send(
      new QueryCommand({ TableName: journalTable, KeyConditionExpression: 'subject = :s', ExpressionAttributeValues: { ':s': `order#acme-outdoor#${orderId}` } }),
    );
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({ eventId, detailType: 'OrderPlaced', detail: { orderId } });
  });

  it('routes an event outside the aftersales sources nowhere', async () => {
    const eventId = await put('partner.crm', 'ContactUpdated', { contactId: uniqueId('contact') });
    expect((await archived(eventId)).matchedRules).toEqual([]);
  });

  it('ends in the dead-letter queue when the handler keeps failing', async () => {
    const orderId = uniqueId('broken-order');
    // Valid JSON, but not a valid OrderPlaced: the journal refuses it on every delivery.
    await put(OrderPlaced.source, OrderPlaced.detailType, { ...OrderPlaced.example, orderId, currency: 'dollars' });
    const deadLetterQueue = queueUrl('OpsApiJournalQueueDeadLetters');
    const message = await eventually(
      async () => {
        const { Messages = [] } = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: deadLetterQueue, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }));
        return Messages.find((candidate) => candidate.Body?.includes(orderId));
      },
      { what: 'the broken event in the journal dead-letter queue' },
    );
    expect(JSON.parse(message.Body!).detail.orderId).toBe(orderId);
    // The queue allows three receives before it dead-letters a message.
    expect(Number(message.Attributes?.ApproximateReceiveCount ?? 0)).toBeGreaterThanOrEqual(1);
    const failures = (await api(`/_local/invocations?function=${journalFunction}`)).body.invocations.filter((i: any) => i.outcome === 'error');
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });
});
